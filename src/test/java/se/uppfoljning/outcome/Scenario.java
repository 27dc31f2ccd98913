package se.uppfoljning.outcome;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.uppfoljning.InboxBuilder;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.TestPersons;
import se.uppfoljning.config.SourceProfileLoader;
import se.uppfoljning.job.IngestRunner;

/**
 * A small hand-built register for one scenario: rows are written as extracts, ingested through the
 * real ingest job, and the outcome facts computed for an as-of date. Reads like the case it pins.
 */
public final class Scenario {
    static final String PROJECT = "stockholmskraften";
    private static final String[] DELTAGARE = {"personnummer", "team", "omrade", "startdatum", "slutdatum",
            "avslutsanledning", "sysselsattning_efter", "kon", "remittent", "utbildningsniva", "funktionsnedsattning",
            "arbetslos_sedan", "ersattning_start", "ersattning_slut", "samtycke", "skyddad"};

    private final InboxBuilder inbox;
    private final IngestRunner runner;
    private final OutcomeEngine outcomes;
    private final IndicatorEngine indicators;
    private final JdbcClient jdbc;
    private final Path out;
    private final List<Map<String, String>> episodes = new ArrayList<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private long run;

    Scenario(Path dir, IngestRunner runner, OutcomeEngine outcomes, IndicatorEngine indicators, JdbcClient jdbc) {
        this.inbox = new InboxBuilder(dir.resolve("inbox"));
        this.out = dir.resolve("out");
        this.runner = runner;
        this.outcomes = outcomes;
        this.indicators = indicators;
        this.jdbc = jdbc;
    }

    /** The n-th person: a Skatteverket test number of someone born 1960–1990. */
    public static String person(int n) {
        return TestPersons.adult(n);
    }

    /** An episode in team 1 (Hässelby-Vällingby) with the given start and end (null = open). */
    public Map<String, String> episode(String pnr, String start, String end) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("personnummer", pnr);
        e.put("team", "1");
        e.put("omrade", "Hässelby-Vällingby");
        e.put("startdatum", start);
        e.put("slutdatum", end == null ? "" : end);
        e.put("avslutsanledning", end == null ? "" : "ENLIGT_PLAN");
        episodes.add(e);
        return e;
    }

    public Scenario af(String pnr, String registered, String category, String deregistered, String cause) {
        return row("af_status", "personnummer;inskrivningsdatum;sokandekategori;avaktualiseringsdatum;avaktualiseringsorsak",
                pnr, registered, category, deregistered, cause);
    }

    public Scenario insats(String pnr, String insats, String start, String end) {
        return row("insatser", "personnummer;insats;anordnare;startdatum;slutdatum", pnr, insats, "AF", start, end);
    }

    public Scenario payment(String pnr, String month, String amount) {
        return row("bistand", "personnummer;manad;belopp", pnr, month, amount);
    }

    public Scenario assessment(String pnr, String date, int step) {
        return row("bedomning", "personnummer;datum;steg", pnr, date, String.valueOf(step));
    }

    public Scenario contact(String pnr, String date, String kind, String actors) {
        return row("kontakter", "personnummer;datum;typ;aktorer", pnr, date, kind, actors);
    }

    private Scenario row(String source, String header, String... values) {
        rows.computeIfAbsent(source + "\n" + header, k -> new ArrayList<>())
                .add(String.join(";", java.util.Arrays.stream(values).map(v -> v == null ? "" : v).toList()));
        return this;
    }

    /** Ingests everything written so far and computes the outcome facts as of the date. */
    public Scenario computeAsOf(String asOf) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", DELTAGARE));
        for (Map<String, String> e : episodes) {
            List<String> cells = new ArrayList<>();
            for (String c : DELTAGARE) cells.add(e.getOrDefault(c, ""));
            lines.add(String.join(";", cells));
        }
        inbox.csv("deltagare", "deltagare_2026-10-31.csv", lines.toArray(String[]::new));
        for (var r : rows.entrySet()) {
            String[] sourceAndHeader = r.getKey().split("\n");
            List<String> all = new ArrayList<>();
            all.add(sourceAndHeader[1]);
            all.addAll(r.getValue());
            inbox.csv(sourceAndHeader[0], sourceAndHeader[0] + "_2026-10-31.csv", all.toArray(String[]::new));
        }
        IngestRunner.Result result = runner.run(IngestFixture.project(PROJECT), IngestFixture.projectFile(PROJECT),
                inbox.root(), out, Path.of("jobs/sources").toAbsolutePath(), LocalDate.parse(asOf));
        if (result.status() != IngestRunner.Status.DONE) {
            throw new IllegalStateException("scenario did not load: " + result.status() + " " + result.files());
        }
        run = outcomes.compute(IngestFixture.project(PROJECT),
                SourceProfileLoader.load(Path.of("jobs/sources"), "insatser"), LocalDate.parse(asOf), null);
        return this;
    }

    /** One column of the outcome facts of an episode (null when the episode takes no part). */
    <T> T fact(Map<String, String> episode, String column, Class<T> type) {
        int line = episodes.indexOf(episode) + 2;
        return jdbc.sql("SELECT f." + column + " FROM episode_fact f JOIN episode e USING (episode_id)"
                        + " WHERE f.run_id = ? AND e.line = ?")
                .params(run, line).query(type).optional().orElse(null);
    }

    public long run() {
        return run;
    }

    /** Indicator counts of several periods counted together, by period, each as {@link #indicators}. */
    Map<String, Map<String, java.math.BigDecimal>> indicatorsTogether(List<String> periods, String asOf) {
        List<Period> ps = periods.stream().map(p -> period(p, asOf)).toList();
        Map<String, Map<String, java.math.BigDecimal>> out = new LinkedHashMap<>();
        indicators.compute(run, ps).forEach((period, counts) -> out.put(period, keyed(counts)));
        return out;
    }

    /** Forgets the run's indicator counts, so that the next request counts them again. */
    void forgetIndicators() {
        jdbc.sql("DELETE FROM indicator_value WHERE run_id = ?").param(run).update();
    }

    private static Map<String, java.math.BigDecimal> keyed(List<IndicatorEngine.Count> counts) {
        Map<String, java.math.BigDecimal> out = new LinkedHashMap<>();
        for (IndicatorEngine.Count c : counts) {
            out.put(c.indicator() + "/" + c.breakdown() + "=" + c.breakdownValue() + "/" + c.gender(), c.value());
        }
        return out;
    }

    /** Indicator counts of a period, keyed "INDICATOR/breakdown=value/gender". */
    Map<String, java.math.BigDecimal> indicators(String period, String asOf) {
        return keyed(indicators.compute(run, period(period, asOf)));
    }

    /** A period by its label, or the year so far as the monthly report shows it ("2026-01..2026-10"). */
    static Period period(String label, String asOf) {
        LocalDate projectStart = IngestFixture.project(PROJECT).start();
        if (!label.contains("..")) return Period.parse(label, projectStart, LocalDate.parse(asOf));
        String last = label.substring(label.indexOf("..") + 2);
        return Period.parse(last, projectStart, LocalDate.parse(asOf)).yearToDate();
    }
}
