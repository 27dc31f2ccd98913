package se.uppfoljning.report;

import java.util.ArrayList;
import java.util.List;

/** The facts of the "Om rapporten" page and sheet, as (label, text) pairs, in reading order. */
final class AboutFacts {

    private AboutFacts() {
    }

    static List<String[]> facts(ReportDataset dataset, ReportLabels labels) {
        List<String[]> facts = new ArrayList<>();
        facts.add(fact(labels, "about.project", dataset.projectName() + " (" + dataset.projectId() + ")"));
        facts.add(fact(labels, "about.report", labels.report(dataset.reportId()) + " (" + dataset.reportId() + ")"));
        facts.add(fact(labels, "about.period", labels.period(dataset.period()) + " (" + dataset.period() + ")"));
        facts.add(fact(labels, "about.period_dates", dataset.periodStart() + " – " + dataset.periodEnd()));
        if (dataset.previousPeriod() != null && !dataset.previousPeriod().isEmpty()) {
            facts.add(fact(labels, "about.previous_period",
                    labels.period(dataset.previousPeriod()) + " (" + dataset.previousPeriod() + ")"));
        }
        facts.add(fact(labels, "about.as_of", String.valueOf(dataset.asOf())));
        facts.add(fact(labels, "about.run", dataset.job() + " #" + dataset.executionId()));
        facts.add(fact(labels, "about.spec_version", dataset.specVersion()));
        int threshold = dataset.suppressionThreshold();
        facts.add(fact(labels, "about.suppression", threshold <= 1
                ? labels.text("about.suppression_none")
                : labels.format("about.suppression_text", threshold - 1, threshold)));
        facts.add(fact(labels, "about.legend", labels.text("about.legend_text")));
        return facts;
    }

    private static String[] fact(ReportLabels labels, String key, String text) {
        return new String[] {labels.text(key, key), text};
    }
}
