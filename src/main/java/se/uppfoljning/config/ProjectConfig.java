package se.uppfoljning.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project (insats) as configured in jobs/projects/&lt;id&gt;.yml (SPEC §2). */
public record ProjectConfig(
        String id,
        String name,
        List<String> funders,
        LocalDate start,
        LocalDate end,
        List<Team> teams,
        Eligibility eligibility,
        Map<String, Double> targets,
        int suppressionThreshold,
        int monthlySuppressionThreshold) {

    public record Team(String id, String name, LocalDate start, List<String> areas) {
        /** The area as the project file spells it, matched without regard to case and blanks. */
        public Optional<String> area(String raw) {
            return areas.stream().filter(a -> a.equalsIgnoreCase(raw.trim())).findFirst();
        }
    }

    /** Checked at each episode's start; a failure is a finding, never a reason to drop a row. */
    public record Eligibility(Integer minAge, Integer maxAge, List<String> requires, Integer maxMonths,
                              Integer extensionMonths) {
    }

    public Optional<Team> team(String raw) {
        return teams.stream().filter(t -> t.id().equalsIgnoreCase(raw.trim())).findFirst();
    }
}
