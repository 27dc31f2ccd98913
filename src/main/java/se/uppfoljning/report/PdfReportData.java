package se.uppfoljning.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * What a PDF template reads: named sections, each a list of rows (maps: field name → value) for
 * one of the shared subreports, plus that subreport's parameters (title, column headings, note).
 * The main templates pass {@code $P{DATA}} to their subreports as
 * {@code $P{DATA}.rows("exits")} and {@code $P{DATA}.params("exits")}; a section the dataset has no
 * figures for gives no rows, and the subreport says so. Built by {@link PdfReportModel}; never
 * touches the database.
 */
public final class PdfReportData {

    private final Map<String, List<Map<String, ?>>> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    private final Map<String, Object> common;

    PdfReportData(Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    void put(String key, List<Map<String, ?>> sectionRows, Map<String, Object> sectionParams) {
        rows.put(key, List.copyOf(sectionRows));
        params.put(key, new HashMap<>(sectionParams));
    }

    /** The rows of section {@code key} as a fresh data source (a data source is read once). */
    public JRDataSource rows(String key) {
        return new JRMapCollectionDataSource(rows.getOrDefault(key, List.of()));
    }

    /** The subreport parameters of section {@code key}, with the styles and labels every subreport needs. */
    public Map<String, Object> params(String key) {
        Map<String, Object> map = new HashMap<>(common);
        map.putAll(params.getOrDefault(key, Map.of()));
        return map;
    }

    /** Whether section {@code key} has any rows. */
    public boolean has(String key) {
        return !rows.getOrDefault(key, List.of()).isEmpty();
    }

    /** The section keys, in the order they were built (tests and docs). */
    List<String> keys() {
        return List.copyOf(rows.keySet());
    }

    List<Map<String, ?>> rowList(String key) {
        return rows.getOrDefault(key, List.of());
    }
}
