package se.uppfoljning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import se.uppfoljning.DatabaseTest;
import se.uppfoljning.TestDatabase;
import se.uppfoljning.IngestFixture;
import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.SourceProfileLoader;
import se.uppfoljning.job.IngestRunner;
import se.uppfoljning.outcome.OutcomeEngine;
import se.uppfoljning.outcome.Period;

/** The half-year report's dataset on the sample data keeps the relations every funder relies on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleReportTest extends DatabaseTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Autowired
    IngestRunner runner;
    @Autowired
    OutcomeEngine outcomes;
    @Autowired
    ReportDatasetBuilder builder;
    ProjectConfig project = IngestFixture.project("stockholmskraften");
    long run;

    /** The sample register is loaded once for the class; the tests only read it. */
    @BeforeAll
    void sampleRegister(@TempDir Path out) throws Exception {
        TestDatabase.reset(jdbc);
        new IngestFixture(runner, out).ingest("stockholmskraften", Path.of("sample-data/stockholmskraften").toAbsolutePath());
        run = outcomes.compute(project, SourceProfileLoader.load(Path.of("jobs/sources"), "insatser"), AS_OF, null);
    }

    @Override
    protected boolean emptyBeforeEachTest() {
        return false;
    }

    @Test
    void exitGroupsAddUpToTheEndedAndBreakdownsToTheTotal() {
        // the management report runs unsuppressed (threshold 0), so every cell is visible
        ReportDataset unsuppressed = build(ReportKind.MONTHLY, "2026-H1");

        Map<String, BigDecimal> v = values(unsuppressed.cells());
        for (String breakdownAndGender : List.of("total=total/totalt", "team=1/kvinna", "age_band=30-54/man")) {
            BigDecimal ended = v.get("PART_ENDED/" + breakdownAndGender);
            BigDecimal groups = v.get("EXIT_WORK/" + breakdownAndGender).add(v.get("EXIT_STUDIES/" + breakdownAndGender))
                    .add(v.get("EXIT_JOBSEEKING/" + breakdownAndGender)).add(v.get("EXIT_OTHER/" + breakdownAndGender));
            assertThat(groups).as(breakdownAndGender).isEqualByComparingTo(ended);
        }
        BigDecimal teams = BigDecimal.ZERO;
        for (ProjectConfig.Team t : project.teams()) teams = teams.add(v.get("PART_ACTIVE/team=" + t.id() + "/totalt"));
        assertThat(teams).isEqualByComparingTo(v.get("PART_ACTIVE/total=total/totalt"));
        assertThat(v.get("PART_ACTIVE/total=total/totalt")).isGreaterThan(BigDecimal.valueOf(500));
    }

    @Test
    void noVisibleCountIsBelowTheThresholdAndTheMonthlyReportIsUnsuppressed() {
        ReportDataset halfYear = build(ReportKind.HALF_YEAR, "2026-H1");
        ReportDataset monthly = build(ReportKind.MONTHLY, "2026-10");

        assertThat(halfYear.suppressionThreshold()).isEqualTo(5);
        assertThat(halfYear.cells()).filteredOn(c -> !c.unit().equals("share") && !c.unit().equals("years")
                        && c.value() != null)
                .allSatisfy(c -> assertThat(c.value().signum() == 0 || c.value().compareTo(BigDecimal.valueOf(5)) >= 0)
                        .as(c.toString()).isTrue());
        assertThat(halfYear.cells()).anyMatch(ReportCell::suppressed);
        assertThat(monthly.cells()).noneMatch(ReportCell::suppressed);
        assertThat(monthly.cells()).extracting(ReportCell::breakdown).containsOnly("total", "age_band", "team");
        assertThat(halfYear.cells()).extracting(ReportCell::breakdown)
                .containsOnly("total", "age_band", "team", "area", "referrer", "support_group_start");
    }

    @Test
    void theSameRegisterAndAsOfDateGiveTheSameCells() {
        assertThat(build(ReportKind.ESF, "2026-H1").cells()).isEqualTo(build(ReportKind.ESF, "2026-H1").cells());
    }

    @Test
    void eachReportReadsOnlyTheFiguresItsPdfShows() {
        ReportDataset monthly = build(ReportKind.MONTHLY, "2026-10");
        ReportDataset halfYear = build(ReportKind.HALF_YEAR, "2026-H1");
        ReportDataset esf = build(ReportKind.ESF, "lifetime");

        // the management report: the active chart, the process measures and the data quality section
        assertThat(monthly.activeByMonth()).isNotEmpty();
        assertThat(monthly.processMeasures()).extracting(ReportDataset.ProcessMeasure::key)
                .containsExactly("JOINT_ASSESSMENT", "COORDINATED_PLAN");
        assertThat(monthly.eligibilityFindings()).isNotEmpty();
        // a Finsam report charts the active participants, and shows neither of the others
        assertThat(halfYear.activeByMonth()).isNotEmpty();
        assertThat(halfYear.processMeasures()).isEmpty();
        assertThat(halfYear.eligibilityFindings()).isEmpty();
        // the ESF report none of them; every report lists the extracts its numbers rest on
        assertThat(esf.activeByMonth()).isEmpty();
        assertThat(esf.processMeasures()).isEmpty();
        assertThat(esf.eligibilityFindings()).isEmpty();
        assertThat(esf.extracts()).isNotEmpty().isEqualTo(monthly.extracts());
    }

    private ReportDataset build(ReportKind kind, String period) {
        return builder.build(kind, project, Period.parse(period, project.start(), AS_OF), AS_OF, run, 1);
    }

    private static Map<String, BigDecimal> values(List<ReportCell> cells) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (ReportCell c : cells) {
            out.put(c.indicator() + "/" + c.breakdown() + "=" + c.breakdownValue() + "/" + c.gender(), c.value());
        }
        return out;
    }
}
