package se.uppfoljning.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.outcome.IndicatorEngine;
import se.uppfoljning.outcome.Period;

/**
 * {@code finsam-<period>.csv} (SPEC §6, §7): the counts the deltagaransvarig enters in Uppföljning
 * Finsam, new, active and ended participants (persons) by gender, from the indicator engine
 * (PART_NEW, PART_ACTIVE, PART_ENDED). No personal data; anonymous participations are counted like
 * everyone else. Not suppressed: the figures are entered in the funder's system, not published.
 */
@Component
public class FinsamExport {
    public static final String JOB = "finsam-export";
    public static final List<String> HEADER = List.of("projekt", "period", "matt", "kvinnor", "man", "ickebinara",
            "totalt");
    static final Map<String, String> MEASURES = Map.of("PART_NEW", "nya", "PART_ACTIVE", "aktiva",
            "PART_ENDED", "avslutade");
    static final List<String> ORDER = List.of("PART_NEW", "PART_ACTIVE", "PART_ENDED");
    static final List<String> GENDERS = List.of("kvinna", "man", "ickebinar", "totalt");

    private final IndicatorEngine indicators;
    private final ExportHistory history;
    private final JdbcClient jdbc;

    public FinsamExport(IndicatorEngine indicators, ExportHistory history, JdbcClient jdbc) {
        this.indicators = indicators;
        this.history = history;
        this.jdbc = jdbc;
    }

    public static String fileName(String period) {
        return "finsam-" + period + ".csv";
    }

    public Period check(ProjectConfig project, String period, LocalDate asOf) {
        return Period.parse(period, project.start(), asOf);
    }

    public ExportResult export(ProjectConfig project, Period period, LocalDate asOf, long outcomeRun,
                               Long executionId, Path out) throws IOException {
        Map<String, BigDecimal> counts = indicators.compute(outcomeRun, period).stream()
                .filter(c -> c.breakdown().equals("total") && MEASURES.containsKey(c.indicator()))
                .collect(Collectors.toMap(c -> c.indicator() + "/" + c.gender(), IndicatorEngine.Count::value));
        List<List<String>> rows = new ArrayList<>();
        for (String indicator : ORDER) {
            List<String> row = new ArrayList<>(List.of(project.id(), period.label(), MEASURES.get(indicator)));
            for (String g : GENDERS) {
                row.add(counts.getOrDefault(indicator + "/" + g, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
            }
            rows.add(row);
        }
        int anonymous = anonymousActive(outcomeRun, period);
        byte[] bytes = ExportCsv.render(HEADER, rows);
        String sha = PrivateFiles.sha256(bytes);
        String name = fileName(period.label());
        Path target = ExportFolders.finsam(out, project.id()).resolve(name);
        String head = JOB + " " + project.id() + " " + period.label() + " per " + asOf;
        List<String> summary = new ArrayList<>();
        var last = history.latest(project.id(), ExportRun.FINSAM, period.label());
        if (last.isPresent() && last.get().sha256().equals(sha)) {
            summary.add(head + ": samma siffror som export " + last.get().exportId() + "; ingen fil skrevs.");
            summary.add("  anonyma deltagare bland de aktiva (räknas): " + anonymous);
            return new ExportResult(false, List.of(), summary);
        }
        List<ExportRow> kept = rows.stream().map(c -> new ExportRow(null, null, null, null, null, null, c)).toList();
        long id = history.record(new ExportRun(0, ExportRun.FINSAM, project.id(), period.label(),
                last.map(r -> r.version() + 1).orElse(1), last.isPresent() ? "CORRECTION" : "NEW", asOf, outcomeRun,
                executionId, name, HEADER, null, sha, rows.size(), 0, anonymous), kept, List.of());
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + name + ".writing");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ExportAudit.written(JOB, project.id(), id, name, rows.size(), sha);
        summary.add(head + ": export " + id + " -> " + target);
        summary.add("  sha256 " + sha);
        for (List<String> r : rows) {
            summary.add(String.format("  %-10s kvinnor %s, män %s, icke-binära %s, totalt %s", r.get(2), r.get(3),
                    r.get(4), r.get(5), r.get(6)));
        }
        summary.add("  anonyma deltagare bland de aktiva (räknas): " + anonymous);
        return new ExportResult(true, List.of(id), summary);
    }

    /** Persons active in the period whose counted (latest-starting, R14) episode is anonymous. */
    private int anonymousActive(long run, Period period) {
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT DISTINCT ON (person_key) anonymous FROM episode_fact
                             WHERE run_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                             ORDER BY person_key, start_date DESC, episode_id DESC) p
                         WHERE anonymous""")
                .params(run, period.end(), period.start()).query(Integer.class).single();
    }
}
