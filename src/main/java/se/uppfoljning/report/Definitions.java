package se.uppfoljning.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The definitions a report states on its "Om rapporten" page (resource report/definitions.tsv). */
public final class Definitions {
    private Definitions() {
    }

    public static List<ReportDataset.Definition> all() {
        var in = Definitions.class.getResourceAsStream("/report/definitions.tsv");
        if (in == null) throw new IllegalStateException("report/definitions.tsv missing");
        List<ReportDataset.Definition> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new ReportDataset.Definition(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
