package se.uppfoljning.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts every indicator of SPEC §6 for a period from an outcome run, set-based (GROUPING SETS), and
 * keeps the raw counts per run and period in indicator_value, before any disclosure control.
 */
@Component
public class IndicatorEngine {
    /** A raw count: indicator × breakdown value × gender. */
    public record Count(String indicator, String breakdown, String breakdownValue, String gender, BigDecimal value) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndicatorEngine.class);

    private final JdbcClient jdbc;
    private final SqlScript indicators = SqlScript.load("sql/indicator/INDICATORS.sql");

    public IndicatorEngine(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The indicators of the run for the period. An outcome run is reused for the same inputs
     * (OutcomeEngine), and its indicators for a period follow from it alone, so values already made
     * for this run and period (by another report of the same run-all) are read back, not recomputed.
     */
    @Transactional
    public List<Count> compute(long run, Period period) {
        // Reports of one run-all run two at a time (issue 9) and may ask for the same period (the
        // monthly and the ESF report both show "lifetime"): the second waits for the first to commit
        // and reads its values back, rather than writing the same values a second time beside them.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('uppfoljning.indicators'), hashtext(? || '|' || ?))")
                .params(String.valueOf(run), period.label()).query((rs, n) -> 0).list();
        List<Count> made = counts(run, period.label());
        if (!made.isEmpty()) {
            log.info("indicators of run {} for {} reused", run, period.label());
            return made;
        }
        Map<String, Object> p = Map.of("run", run, "period", period.label(), "ps", period.start(), "pe", period.end(),
                "esfAll", period.lifetime());
        long t0 = System.nanoTime();
        indicators.run(jdbc, p);
        log.info("indicators of run {} for {} in {} ms", run, period.label(), (System.nanoTime() - t0) / 1_000_000);
        return counts(run, period.label());
    }

    public List<Count> counts(long run, String period) {
        return jdbc.sql("""
                        SELECT indicator, breakdown, breakdown_value, gender, value FROM indicator_value
                         WHERE run_id = ? AND period = ?""")
                .params(run, period)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)))
                .list();
    }
}
