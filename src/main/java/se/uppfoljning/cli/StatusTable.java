package se.uppfoljning.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import se.uppfoljning.schedule.RunHistory.Run;

/** The table {@code scripts/run status} prints. */
public final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String FORMAT = "%8s  %-15s %-18s %-9s %-10s  %-16s %8s  %-19s %9s %9s %9s%n";

    private StatusTable() {
    }

    public static void print(PrintStream out, List<Run> runs) {
        if (runs.isEmpty()) {
            out.println("Inga körningar ännu.");
            return;
        }
        out.printf(Locale.ROOT, FORMAT, "körning", "jobb", "projekt", "period", "per", "start", "tid", "status", "lästa",
                "inlästa", "avvisade");
        for (Run r : runs) {
            String status = r.interrupted() ? r.status() + " (avbruten)" : r.status();
            out.printf(Locale.ROOT, FORMAT, r.executionId(), r.job(), dash(r.project()), dash(r.period()), dash(r.asOf()),
                    r.start() == null ? "-" : TIME.format(r.start()), duration(r), status, n(r.rowsRead()),
                    n(r.rowsLoaded()), n(r.rowsRejected()));
        }
        List<Run> restartable = runs.stream().filter(Run::restartable).toList();
        if (!restartable.isEmpty()) out.println();
        for (Run r : restartable) {
            out.println("  Körning " + r.executionId() + " (" + r.job() + ", " + dash(r.project()) + ") "
                    + (r.interrupted() ? "avbröts" : "slutade " + r.status()) + ". Starta om: scripts/run restart " + r.executionId());
        }
    }

    private static String duration(Run r) {
        if (r.interrupted()) return "-";
        Duration d = r.duration();
        if (d == null) return r.end() == null && r.start() != null ? "pågår" : "-";
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String n(Long v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,d", v).replace(',', ' ');
    }
}
