package se.uppfoljning.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.extract.Codes;

/**
 * Every value a breakdown can take, in its natural order (R29 tie-breaks): age bands youngest first,
 * teams and areas in the project file's order, referrers in SPEC §4's order then OKAND, support
 * groups in R28's order. Every table lists all of them, zeros included.
 */
public final class BreakdownValues {
    public static final List<String> AGE_BANDS = List.of("<18", "18-29", "30-54", "55+");
    public static final List<String> AGE_BANDS_FINE =
            List.of("<16", "16-19", "20-24", "25-29", "30-39", "40-49", "50-59", "60-64", "65+");

    private BreakdownValues() {
    }

    public static List<String> of(String breakdown, ProjectConfig project) {
        return switch (breakdown) {
            case "total" -> List.of("total");
            case "age_band" -> AGE_BANDS;
            case "age_band_fine" -> AGE_BANDS_FINE;
            case "team" -> project.teams().stream().map(ProjectConfig.Team::id).toList();
            case "area" -> areas(project);
            case "referrer" -> withOkand(Codes.REFERRER);
            case "support_group_start" -> Indicators.SUPPORT_GROUPS;
            case "education" -> Codes.EDUCATION;
            case "long_term_unemployed" -> List.of("ja", "nej");
            case "disability" -> List.of("ja", "nej", "okand");
            default -> throw new IllegalArgumentException("unknown breakdown " + breakdown);
        };
    }

    private static List<String> areas(ProjectConfig project) {
        Set<String> areas = new LinkedHashSet<>();
        for (ProjectConfig.Team t : project.teams()) areas.addAll(t.areas());
        return List.copyOf(areas);
    }

    private static List<String> withOkand(List<String> codes) {
        List<String> out = new ArrayList<>(codes);
        out.add("OKAND");
        return List.copyOf(out);
    }
}
