package se.uppfoljning.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates a project file; every problem is reported with the file and key. */
public final class ProjectConfigLoader {
    private static final Set<String> FUNDERS = Set.of("ESF", "FINSAM");
    private static final Set<String> REQUIREMENTS = Set.of("AF_REGISTERED", "FORSORJNINGSSTOD");

    private ProjectConfigLoader() {
    }

    /** The project with this id under {@code projectsDir}, i.e. {@code projectsDir/<id>.yml}. */
    public static ProjectConfig byId(Path projectsDir, String id) {
        Path file = projectsDir.resolve(id + ".yml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Unknown project '" + id + "': no file " + file
                    + ". Use --project with one of the ids in " + projectsDir + " or --project-file <path.yml>.");
        }
        return load(file);
    }

    public static ProjectConfig load(Path file) {
        YamlFile yaml = YamlFile.read(file);
        Map<String, Object> root = yaml.root();
        String id = yaml.string(root, "id", true);
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw yaml.error("id", "must be lower-case letters, digits, '-' or '_' (it is used in paths)");
        }
        LocalDate start = yaml.date(root, "start", true);
        LocalDate end = yaml.date(root, "end", true);
        if (end.isBefore(start)) throw yaml.error("end", "is before 'start'");
        List<String> funders = yaml.strings(root, "funders");
        for (String f : funders) {
            if (!FUNDERS.contains(f)) throw yaml.error("funders", "has unknown funder '" + f + "' (known: " + FUNDERS + ")");
        }
        return new ProjectConfig(id, yaml.string(root, "name", true), List.copyOf(funders), start, end,
                teams(yaml), eligibility(yaml), targets(yaml),
                threshold(yaml, "suppression_threshold", 5), threshold(yaml, "monthly_suppression_threshold", 0));
    }

    private static List<ProjectConfig.Team> teams(YamlFile yaml) {
        List<ProjectConfig.Team> teams = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> t : yaml.maps(yaml.root(), "teams")) {
            String id = yaml.string(t, "id", true);
            if (!ids.add(id.toLowerCase())) throw yaml.error("teams", "lists team '" + id + "' twice");
            List<String> areas = yaml.strings(t, "areas");
            if (areas.isEmpty()) throw yaml.error("teams", "team '" + id + "' has no areas");
            teams.add(new ProjectConfig.Team(id, yaml.string(t, "name", false), yaml.date(t, "start", false),
                    List.copyOf(areas)));
        }
        if (teams.isEmpty()) throw yaml.error("teams", "is missing or empty");
        return List.copyOf(teams);
    }

    private static ProjectConfig.Eligibility eligibility(YamlFile yaml) {
        Map<String, Object> e = yaml.map(yaml.root(), "eligibility");
        List<String> requires = yaml.strings(e, "requires");
        for (String r : requires) {
            if (!REQUIREMENTS.contains(r)) {
                throw yaml.error("eligibility.requires", "has unknown rule '" + r + "' (known: " + REQUIREMENTS + ")");
            }
        }
        return new ProjectConfig.Eligibility(yaml.integer(e, "min_age"), yaml.integer(e, "max_age"),
                List.copyOf(requires), yaml.integer(e, "max_months"), yaml.integer(e, "extension_months"));
    }

    private static Map<String, Double> targets(YamlFile yaml) {
        Map<String, Object> t = yaml.map(yaml.root(), "targets");
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : t.keySet()) {
            Double v = yaml.decimal(t, key);
            if (v != null && key.endsWith("_share") && (v < 0 || v > 1)) {
                throw yaml.error("targets." + key, "is a share and must lie between 0 and 1");
            }
            out.put(key, v);
        }
        return out;
    }

    private static int threshold(YamlFile yaml, String key, int defaultValue) {
        Integer v = yaml.integer(yaml.root(), key);
        if (v == null) return defaultValue;
        if (v < 0) throw yaml.error(key, "must be 0 or more");
        return v;
    }
}
