package se.uppfoljning.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.uppfoljning.report.DisclosureControl.Unit;
import se.uppfoljning.report.TableLayout.CellKey;

/**
 * Turns a {@link ReportDataset} into the sections of its PDF ({@link PdfReportData}). Which sections a
 * report has is decided here, where they go on the page in the report's template. Every number
 * comes from the dataset as it is: nothing is recomputed, and a table of tables.csv that no named
 * section shows lands in the section "other", so the PDF shows every figure of tables.csv.
 *
 * <p>Row fields of the table subreport: {@code label}, {@code level} (0 a figure, 1 an "of which"
 * figure, 2 a total, 3 a heading, 4 a row without data that carries {@code note} instead of figures),
 * {@code c1..c4} the period's kvinna, man, ickebinar, totalt and {@code p1..p4} the comparison's;
 * {@code id} (indicator|breakdown|value) is not printed, it lets a test see which figures are shown.
 */
final class PdfReportModel {

    static final List<String> FLOWS = List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED", "PART_ONGOING_START",
            "PART_ONGOING_END", "PARTICIPANT_YEARS");
    static final List<String> EXITS = List.of("PART_ENDED", "EXIT_WORK", "EXIT_WORK_SUBV", "EXIT_STUDIES",
            "EXIT_JOBSEEKING", "EXIT_OTHER", "EXIT_CONT_REHAB", "EXIT_UNKNOWN", "ENDED_COMPLETED", "ENDED_ABORTED",
            "EXIT_PRELIMINARY");
    static final List<String> EXIT_GROUPS = List.of("EXIT_WORK", "EXIT_STUDIES", "EXIT_JOBSEEKING", "EXIT_OTHER");
    static final List<String> OUTCOMES = List.of("PROGRESSION", "PROGRESSION_BASE", "SELF_SUFFICIENT_3M",
            "SELF_SUFFICIENT_3M_BASE", "SUPPORT_REDUCED", "SUPPORT_REDUCED_BASE", "EMPLOYED_6M", "EMPLOYED_6M_BASE",
            "COORDINATED", "INELIGIBLE");
    static final List<String> FINSAM = List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED");
    static final List<String> ESF_OUTPUT = List.of("EECO01", "EECO02", "EECO03", "EECO04", "EECO05", "EECO06",
            "EECO07", "EECO08", "EECO09", "EECO10", "EECO11", "EECO12", "EECO13", "EECO14", "EECO15", "EECO16",
            "EECO17");
    static final List<String> ESF_RESULT = List.of("EECR01", "EECR02", "EECR03", "EECR04", "EECR05");
    /** ESF+ indicators the extracts hold no data for: listed as "ej insamlat" when absent (R26). */
    static final Set<String> NOT_COLLECTED = Set.of("EECO13", "EECO14", "EECO15", "EECO16", "EECO17", "EECR03");
    private static final Set<String> OF_WHICH = Set.of("EXIT_WORK_SUBV", "EXIT_CONT_REHAB", "EXIT_UNKNOWN");
    private static final String TOTAL = DisclosureControl.TOTAL;

    private final ReportDataset dataset;
    private final ReportLabels labels;
    private final Comparison comparison;
    private final Map<CellKey, ReportCell> current;
    private final Set<String> shown = new HashSet<>();
    private final PdfReportData data;

    private PdfReportModel(ReportDataset dataset, ReportLabels labels, Map<String, Object> common) {
        this.dataset = dataset;
        this.labels = labels;
        this.comparison = Comparison.of(dataset, labels);
        this.current = TableLayout.index(dataset.cells());
        this.data = new PdfReportData(common);
    }

    /** The sections of {@code dataset}'s report; {@code common} goes to every subreport (styles, locale). */
    static PdfReportData build(ReportDataset dataset, ReportLabels labels, Map<String, Object> common) {
        return new PdfReportModel(dataset, labels, common).build();
    }

    private PdfReportData build() {
        switch (dataset.reportId()) {
            case "manadsrapport" -> monthly();
            case "esf-indikatorer" -> esf();
            default -> finsam();
        }
        other();
        about();
        return data;
    }

    private void monthly() {
        table("flows", indicatorRows(FLOWS), null);
        barChart("flows_chart", List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED"));
        lineChart("active_chart");
        table("flows_by_team", groupedRows(List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED"), "team"), null);
        table("exits", indicatorRows(EXITS, Set.of("PART_ENDED")), labels.text("note.varav"));
        barChart("exits_chart", EXIT_GROUPS);
        targets();
        processMeasures();
        table("outcomes", outcomeRows(), null);
        quality();
    }

    private void finsam() {
        table("flows", indicatorRows(FLOWS), null);
        barChart("flows_chart", List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED"));
        lineChart("active_chart");
        table("new_by_referrer", breakdownRows("PART_NEW", "referrer"), null);
        table("new_by_age", breakdownRows("PART_NEW", "age_band"), null);
        table("new_by_support", breakdownRows("PART_NEW", "support_group_start"), null);
        table("new_by_team", breakdownRows("PART_NEW", "team"), null);
        table("new_by_area", breakdownRows("PART_NEW", "area"), null);
        table("exits", indicatorRows(EXITS, Set.of("PART_ENDED")), labels.text("note.varav"));
        barChart("exits_chart", EXIT_GROUPS);
        targets();
        table("outcomes", outcomeRows(), null);
        table("finsam", indicatorRows(FINSAM), labels.text("note.finsam"));
    }

    private void esf() {
        table("esf_output", esfRows(ESF_OUTPUT), null);
        table("esf_result", esfRows(ESF_RESULT), labels.text("note.esf_result"));
        table("esf_flows", indicatorRows(FLOWS), null);
        barChart("flows_chart", List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED"));
    }

    // ---- tables of figures ----------------------------------------------------------------------

    private void table(String key, List<Map<String, ?>> rows, String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("TITLE", labels.text("section." + key, key));
        params.put("NOTE", note);
        params.put("HEAD_CURRENT", labels.period(dataset.period()));
        params.put("HEAD_OTHER", comparison.heading());
        params.put("SHOW_OTHER", !comparison.isEmpty());
        params.put("G1", labels.gender("kvinna"));
        params.put("G2", labels.gender("man"));
        params.put("G3", labels.gender("ickebinar"));
        params.put("G4", labels.gender("totalt"));
        params.put("NO_DATA", labels.text("note.no_data"));
        data.put(key, rows, params);
    }

    /** One row per indicator of its total breakdown; indicators with no figures are left out. */
    private List<Map<String, ?>> indicatorRows(List<String> indicators) {
        return indicatorRows(indicators, Set.of());
    }

    /** As {@link #indicatorRows(List)}, the indicators in {@code totals} printed as totals (bold). */
    private List<Map<String, ?>> indicatorRows(List<String> indicators, Set<String> totals) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String indicator : indicators) {
            if (has(indicator, TOTAL, TOTAL)) {
                int level = OF_WHICH.contains(indicator) ? 1 : totals.contains(indicator) ? 2 : 0;
                rows.add(figures(labels.indicator(indicator), level, indicator, TOTAL, TOTAL));
                shown.add(indicator + "|" + TOTAL);
            }
        }
        return rows;
    }

    private List<Map<String, ?>> outcomeRows() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String indicator : OUTCOMES) {
            if (has(indicator, TOTAL, TOTAL)) {
                rows.add(figures(labels.indicator(indicator), indicator.endsWith("_BASE") ? 1 : 0, indicator, TOTAL, TOTAL));
                shown.add(indicator + "|" + TOTAL);
            }
        }
        return rows;
    }

    /** ESF+ rows labelled with their IDs; an indicator without data is "ej insamlat" (R26), never 0. */
    private List<Map<String, ?>> esfRows(List<String> indicators) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String indicator : indicators) {
            String label = indicator + " " + labels.indicator(indicator);
            if (has(indicator, TOTAL, TOTAL)) {
                rows.add(figures(label, 0, indicator, TOTAL, TOTAL));
                shown.add(indicator + "|" + TOTAL);
            } else if (NOT_COLLECTED.contains(indicator)) {
                Map<String, Object> row = row(label, 4);
                row.put("note", labels.text("mark.not_collected", "ej insamlat"));
                rows.add(row);
            }
        }
        return rows;
    }

    /** Rows of one indicator by one breakdown, in the dataset's order, then its total row. */
    private List<Map<String, ?>> breakdownRows(String indicator, String breakdown) {
        List<Map<String, ?>> rows = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        for (ReportCell cell : dataset.cells()) {
            if (cell.indicator().equals(indicator) && cell.breakdown().equals(breakdown)) {
                values.add(cell.breakdownValue());
            }
        }
        for (String value : values) {
            rows.add(figures(labels.breakdownValue(breakdown, value), 0, indicator, breakdown, value));
        }
        if (!values.isEmpty() && has(indicator, TOTAL, TOTAL)) {
            rows.add(figures(labels.breakdown(TOTAL), 2, indicator, TOTAL, TOTAL));
            shown.add(indicator + "|" + TOTAL);
        }
        shown.add(indicator + "|" + breakdown);
        return rows;
    }

    /** For each indicator a heading row and its rows by {@code breakdown}. */
    private List<Map<String, ?>> groupedRows(List<String> indicators, String breakdown) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String indicator : indicators) {
            List<Map<String, ?>> part = breakdownRows(indicator, breakdown);
            if (!part.isEmpty()) {
                rows.add(row(labels.indicator(indicator), 3));
                rows.addAll(part);
            }
        }
        return rows;
    }

    /** Every table of tables.csv no section above has shown: totals first, then each breakdown. */
    private void other() {
        Set<String> totals = new LinkedHashSet<>();
        Map<String, List<String>> breakdowns = new LinkedHashMap<>();
        for (ReportCell cell : dataset.cells()) {
            String key = cell.indicator() + "|" + cell.breakdown();
            if (shown.contains(key)) {
                continue;
            }
            if (TOTAL.equals(cell.breakdown())) {
                totals.add(cell.indicator());
            } else {
                List<String> list = breakdowns.computeIfAbsent(cell.indicator(), i -> new ArrayList<>());
                if (!list.contains(cell.breakdown())) {
                    list.add(cell.breakdown());
                }
            }
        }
        List<Map<String, ?>> rows = new ArrayList<>(indicatorRows(List.copyOf(totals)));
        breakdowns.forEach((indicator, list) -> {
            for (String breakdown : list) {
                rows.add(row(labels.indicator(indicator) + " " + labels.text("title.by", "efter") + " "
                        + labels.breakdown(breakdown).toLowerCase(java.util.Locale.ROOT), 3));
                rows.addAll(breakdownRows(indicator, breakdown));
            }
        });
        table("other", rows, null);
    }

    private Map<String, Object> figures(String label, int level, String indicator, String breakdown, String value) {
        Map<String, Object> row = row(label, level);
        row.put("id", indicator + "|" + breakdown + "|" + value);
        String base = indicator.endsWith("_BASE") ? indicator : indicator + "_BASE";
        for (int g = 0; g < TableLayout.GENDERS.size(); g++) {
            String gender = TableLayout.GENDERS.get(g);
            ReportCell now = current.get(new CellKey(indicator, breakdown, value, gender));
            ReportCell baseNow = current.get(new CellKey(base, breakdown, value, gender));
            row.put("c" + (g + 1), show(now, baseNow));
            ReportCell then = comparison.find(indicator, breakdown, value, gender);
            ReportCell baseThen = comparison.find(base, breakdown, value, gender);
            row.put("p" + (g + 1), show(then, baseThen));
        }
        return row;
    }

    /** A cell as shown: its number, "..", or "ej mätbar än" when it or its base is 0 by lack of base (SPEC §6). */
    private String show(ReportCell cell, ReportCell base) {
        if (cell != null && !cell.suppressed() && base != null && !base.suppressed() && base.value() != null
                && base.value().signum() == 0) {
            return labels.text("mark.not_measurable", "ej mätbar än");
        }
        return CellValues.display(cell, labels);
    }

    private static Map<String, Object> row(String label, int level) {
        Map<String, Object> row = new HashMap<>();
        row.put("label", label);
        row.put("level", level);
        return row;
    }

    private boolean has(String indicator, String breakdown, String value) {
        for (String gender : TableLayout.GENDERS) {
            if (current.containsKey(new CellKey(indicator, breakdown, value, gender))
                    || comparison.find(indicator, breakdown, value, gender) != null) {
                return true;
            }
        }
        return false;
    }

    // ---- charts ---------------------------------------------------------------------------------

    /** Bars of the period's figures by gender (totalt left out), one group per indicator. */
    private void barChart(String key, List<String> indicators) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String indicator : indicators) {
            for (String gender : TableLayout.GENDERS.subList(0, 3)) {
                ReportCell cell = current.get(new CellKey(indicator, TOTAL, TOTAL, gender));
                if (cell != null) {
                    // a suppressed figure stays in as a gap, so every chart has its series in gender order
                    rows.add(point(labels.gender(gender), labels.indicator(indicator),
                            cell.suppressed() ? null : cell.value()));
                }
            }
        }
        chart(key, rows);
    }

    /** Active participants per month, one line per gender (ReportDataset.activeByMonth). */
    private void lineChart(String key) {
        List<Map<String, ?>> rows = new ArrayList<>();
        if (dataset.activeByMonth() != null) {
            for (ReportDataset.MonthPoint point : dataset.activeByMonth()) {
                rows.add(point(labels.gender(point.gender()), point.month(), point.value()));
            }
        }
        chart(key, rows);
    }

    private void chart(String key, List<Map<String, ?>> rows) {
        if (rows.stream().allMatch(row -> row.get("value") == null)) {
            rows = List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("TITLE", labels.text("section." + key, key) + " – " + labels.period(dataset.period()));
        params.put("NOTE", labels.text("note.suppressed_chart"));
        params.put("NO_DATA", labels.text("note.no_data"));
        data.put(key, rows, params);
    }

    private static Map<String, Object> point(String series, String category, BigDecimal value) {
        Map<String, Object> row = new HashMap<>();
        row.put("series", series);
        row.put("category", category);
        row.put("value", value == null ? null : value.doubleValue());
        return row;
    }

    // ---- lists ----------------------------------------------------------------------------------

    private void list(String key, List<String> headings, List<String[]> lines, String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("TITLE", labels.text("section." + key, key));
        params.put("NOTE", note);
        params.put("NO_DATA", labels.text("note.no_data"));
        for (int i = 0; i < 6; i++) {
            params.put("H" + (i + 1), i < headings.size() ? headings.get(i) : null);
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String[] line : lines) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < line.length; i++) {
                row.put("c" + (i + 1), line[i]);
            }
            rows.add(row);
        }
        data.put(key, rows, params);
    }

    private void targets() {
        List<String[]> lines = new ArrayList<>();
        for (ReportDataset.TargetProgress t : nonNull(dataset.targets())) {
            lines.add(new String[] {t.labelSv(), amount(t.target(), t.unit()), amount(t.actual(), t.unit()),
                    progress(t)});
        }
        list("targets", List.of("", labels.text("column.target", "Mål"),
                labels.text("column.actual", "Utfall"), labels.text("column.target_progress", "Utfall mot mål")),
                lines, labels.text("note.targets"));
    }

    private String amount(BigDecimal value, String unit) {
        if (value == null) {
            return labels.text("mark.missing", "–");
        }
        for (Unit u : Unit.values()) {
            if (u.code().equals(unit)) {
                return CellValues.swedish(value, u);
            }
        }
        return CellValues.number(value, 2);
    }

    /** The outcome as a share of the target: 431 of 1 000 → "43,1 %"; a share of 22,1 % against 25 % → "88,4 %". */
    private String progress(ReportDataset.TargetProgress t) {
        if (t.target() == null || t.actual() == null || t.target().signum() == 0) {
            return labels.text("mark.missing", "–");
        }
        return CellValues.percent(t.actual().divide(t.target(), 4, java.math.RoundingMode.HALF_UP));
    }

    private void processMeasures() {
        List<String[]> lines = new ArrayList<>();
        for (ReportDataset.ProcessMeasure m : nonNull(dataset.processMeasures())) {
            lines.add(new String[] {m.labelSv(),
                    m.medianDays() == null ? labels.text("mark.missing", "–") : CellValues.number(m.medianDays(), 1),
                    m.shareWithin30() == null ? labels.text("mark.missing", "–") : CellValues.percent(m.shareWithin30()),
                    CellValues.number(BigDecimal.valueOf(m.episodes()), 0)});
        }
        list("process", List.of("", labels.text("column.median_days", "Median, dagar"),
                labels.text("column.within_30", "Inom 30 dagar"), labels.text("column.episodes", "Episoder")), lines, null);
    }

    private void quality() {
        List<String[]> extracts = new ArrayList<>();
        List<String[]> reasons = new ArrayList<>();
        for (ReportDataset.ExtractLineage e : nonNull(dataset.extracts())) {
            String name = e.source() + ": " + e.file();
            String share = e.rowsRead() == 0 ? labels.text("mark.missing", "–")
                    : CellValues.percent(BigDecimal.valueOf(e.rowsRejected()).divide(BigDecimal.valueOf(e.rowsRead()), 4,
                    java.math.RoundingMode.HALF_UP));
            extracts.add(new String[] {name, e.status(), count(e.rowsRead()), count(e.rowsLoaded()),
                    count(e.rowsRejected()), share});
            for (ReportDataset.ReasonCount reason : nonNull(e.topRejectReasons())) {
                reasons.add(new String[] {name + " – " + labels.reason(reason.reason()) + " (" + reason.reason() + ")",
                        count(reason.rows())});
            }
        }
        list("quality_extracts", List.of(labels.text("column.source_file", "Källa och fil"),
                labels.text("column.status", "Status"), labels.text("column.rows_read", "Lästa"),
                labels.text("column.rows_loaded", "Inlästa"), labels.text("column.rows_rejected", "Avvisade"),
                labels.text("column.rejected_share", "Andel avvisade")), extracts, null);
        list("quality_reasons", List.of(labels.text("column.reason", "Orsak"), labels.text("column.rows", "Rader")),
                reasons, null);
        List<String[]> findings = new ArrayList<>();
        long total = 0;
        for (ReportDataset.FindingCount f : nonNull(dataset.eligibilityFindings())) {
            findings.add(new String[] {f.labelSv() + " (" + f.rule() + ")", count(f.episodes())});
            total += f.episodes();
        }
        if (!findings.isEmpty()) {
            findings.add(new String[] {"Summa", count(total)});
        }
        list("quality_findings", List.of(labels.text("column.rule", "Regel"), labels.text("column.episodes", "Episoder")),
                findings, null);
    }

    private static String count(long n) {
        return CellValues.number(BigDecimal.valueOf(n), 0);
    }

    // ---- Om rapporten ---------------------------------------------------------------------------

    private void about() {
        text("about", AboutFacts.facts(dataset, labels));
        List<String[]> lineage = new ArrayList<>();
        for (ReportDataset.ExtractLineage e : nonNull(dataset.extracts())) {
            lineage.add(new String[] {e.source(), e.file() + "\nSHA-256 " + e.sha256() + "\n"
                    + labels.format("about.extract_line", count(e.rowsRead()), count(e.rowsLoaded()),
                    count(e.rowsRejected()), e.status())});
        }
        text("lineage", lineage);
        List<String[]> definitions = new ArrayList<>();
        for (ReportDataset.Definition d : nonNull(dataset.definitions())) {
            definitions.add(new String[] {d.id(), d.textSv()});
        }
        text("definitions", definitions);
    }

    private void text(String key, List<String[]> lines) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String[] line : lines) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", line[0]);
            row.put("text", line[1]);
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("TITLE", labels.text("section." + key, key));
        params.put("NO_DATA", labels.text("note.no_data"));
        data.put(key, rows, params);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
