package se.uppfoljning.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.outcome.IndicatorEngine;
import se.uppfoljning.outcome.IndicatorEngine.Count;
import se.uppfoljning.outcome.Period;
import se.uppfoljning.report.Indicators.Indicator;

/**
 * Builds a report's dataset from one outcome run: the period's tables (suppressed), the previous
 * period and the lifetime beside them, targets, process measures, findings and lineage.
 */
@Component
public class ReportDatasetBuilder {
    public static final String SPEC_VERSION = "1.2";
    private static final Map<String, String> TARGET_LABELS = Map.of(
            "participants", "Deltagare sedan start",
            "exit_work_share", "Andel avslutade till arbete",
            "exit_studies_share", "Andel avslutade till studier",
            "exit_cont_rehab_share", "Andel avslutade till fortsatt rehabilitering",
            "exit_jobseeking_share", "Andel avslutade till arbetssökande");
    private static final Map<String, String> TARGET_INDICATOR = Map.of(
            "exit_work_share", "EXIT_WORK", "exit_studies_share", "EXIT_STUDIES",
            "exit_cont_rehab_share", "EXIT_CONT_REHAB", "exit_jobseeking_share", "EXIT_JOBSEEKING");

    private final IndicatorEngine indicators;
    private final ReportFacts facts;

    public ReportDatasetBuilder(IndicatorEngine indicators, ReportFacts facts) {
        this.indicators = indicators;
        this.facts = facts;
    }

    public ReportDataset build(ReportKind kind, ProjectConfig project, Period period, LocalDate asOf, long run,
                               long executionId) {
        int threshold = kind.management() ? project.monthlySuppressionThreshold() : project.suppressionThreshold();
        List<Indicator> list = indicatorsOf(kind);
        // the periods the report shows, counted together (IndicatorEngine)
        String previousLabel = period.previousLabel().orElse(null);
        Period before = null;
        if (previousLabel != null && !Period.parse(previousLabel, project.start(), asOf).end().isBefore(project.start())) {
            before = Period.parse(previousLabel, project.start(), asOf);
        }
        Period lifetime = Period.parse("lifetime", project.start(), asOf);
        // the monthly report shows the calendar year so far beside the month
        Period yearToDate = kind.management() && !kind.esf() ? period.yearToDate() : null;
        List<Period> shown = new ArrayList<>(List.of(period, lifetime));
        if (before != null) shown.add(before);
        if (yearToDate != null) shown.add(yearToDate);
        Map<String, List<Count>> counts = indicators.compute(run, shown);

        List<ReportCell> cells = tables(kind, project, threshold, counts.get(period.label()), list);
        List<ReportCell> previous = before == null ? List.of()
                : tables(kind, project, threshold, counts.get(before.label()), list);
        List<Count> lifetimeCounts = counts.get(lifetime.label());
        List<ReportCell> cumulative = List.of();
        if (kind.esf()) {
            cumulative = tables(kind, project, threshold, lifetimeCounts, list);
        } else if (yearToDate != null) {
            cumulative = tables(kind, project, threshold, counts.get(yearToDate.label()), list);
        }

        // only the figures the report's PDF shows: each of them reads the run's facts, and for the ESF
        // report's lifetime those took 3.9 of its 4.6 s at 1,000,000 episodes, for a PDF without them
        List<ReportDataset.MonthPoint> activeByMonth =
                kind.activeByMonth() ? facts.activeByMonth(run, period) : List.of();
        List<ReportDataset.ProcessMeasure> processMeasures =
                kind.processAndQuality() ? facts.processMeasures(run, period, asOf) : List.of();
        List<ReportDataset.FindingCount> findings = kind.processAndQuality() ? facts.findings(run, period) : List.of();
        return new ReportDataset(kind.reportId(), kind.jobName(), executionId, project.id(), project.name(),
                period.label(), period.start(), period.end(), asOf, SPEC_VERSION, threshold, cells, previous,
                previousLabel, cumulative, activeByMonth, targets(project, lifetimeCounts), processMeasures,
                facts.extracts(project.id()), findings, Definitions.all());
    }

    static List<Indicator> indicatorsOf(ReportKind kind) {
        List<Indicator> list = new ArrayList<>(Indicators.PROJECT);
        if (kind.finsamBreakdowns()) {
            for (String group : Indicators.SUPPORT_GROUPS) {
                list.add(new Indicator("SUPPORT_BEFORE_AFTER_" + group.toUpperCase(java.util.Locale.ROOT),
                        DisclosureControl.Unit.PERSONS, null, null));
            }
        }
        if (kind.esf()) list.addAll(Indicators.ESF);
        return list;
    }

    private static List<ReportCell> tables(ReportKind kind, ProjectConfig project, int threshold, List<Count> counts,
                                           List<Indicator> list) {
        return new ReportTables(project, kind.breakdowns(), threshold, counts).cells(kind.reportId(), list);
    }

    /** Each target of the project file against the outcome since the project's start (unsuppressed). */
    private static List<ReportDataset.TargetProgress> targets(ProjectConfig project, List<Count> lifetime) {
        List<ReportDataset.TargetProgress> out = new ArrayList<>();
        BigDecimal ended = total(lifetime, "PART_ENDED");
        for (var t : project.targets().entrySet()) {
            BigDecimal target = BigDecimal.valueOf(t.getValue());
            if (t.getKey().equals("participants")) {
                out.add(new ReportDataset.TargetProgress(t.getKey(), TARGET_LABELS.get("participants"),
                        target.stripTrailingZeros(), total(lifetime, "PART_ACTIVE"), "persons"));
            } else if (TARGET_INDICATOR.containsKey(t.getKey())) {
                BigDecimal part = total(lifetime, TARGET_INDICATOR.get(t.getKey()));
                BigDecimal share = ended.signum() == 0 ? null : part.divide(ended, 4, RoundingMode.HALF_UP);
                out.add(new ReportDataset.TargetProgress(t.getKey(), TARGET_LABELS.get(t.getKey()), target, share, "share"));
            }
        }
        return out;
    }

    private static BigDecimal total(List<Count> counts, String indicator) {
        return counts.stream()
                .filter(c -> c.indicator().equals(indicator) && c.breakdown().equals("total") && c.gender().equals("totalt"))
                .map(Count::value).findFirst().orElse(BigDecimal.ZERO);
    }
}
