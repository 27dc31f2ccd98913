package se.uppfoljning.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads jobs/sources/&lt;source&gt;.yml; a missing file means "our own names and codes only". */
public final class SourceProfileLoader {
    private SourceProfileLoader() {
    }

    public static SourceProfile load(Path sourcesDir, String source) {
        Path file = sourcesDir.resolve(source + ".yml");
        if (!file.toFile().exists()) {
            return new SourceProfile(source, Map.of(), Map.of(), Map.of());
        }
        YamlFile yaml = YamlFile.read(file);
        Map<String, Object> root = yaml.root();
        String declared = yaml.string(root, "source", false);
        if (declared != null && !declared.equals(source)) {
            throw yaml.error("source", "says '" + declared + "' but the file is the profile of '" + source + "'");
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        Map<String, Object> columns = yaml.map(root, "columns");
        for (String column : columns.keySet()) {
            List<String> names = new ArrayList<>();
            for (String alias : yaml.strings(columns, column)) names.add(alias.toLowerCase(Locale.ROOT));
            aliases.put(column, List.copyOf(names));
        }
        Map<String, Map<String, String>> codes = new LinkedHashMap<>();
        Map<String, Object> codeSection = yaml.map(root, "codes");
        for (String column : codeSection.keySet()) {
            Map<String, Object> ours = yaml.map(codeSection, column);
            Map<String, String> rawToOurs = new LinkedHashMap<>();
            for (String our : ours.keySet()) {
                for (String raw : yaml.strings(ours, our)) {
                    String previous = rawToOurs.put(raw.toLowerCase(Locale.ROOT), our);
                    if (previous != null && !previous.equals(our)) {
                        throw yaml.error("codes." + column, "maps '" + raw + "' to both " + previous + " and " + our);
                    }
                }
            }
            codes.put(column, rawToOurs);
        }
        Map<String, SourceProfile.InsatsType> insatser = new LinkedHashMap<>();
        Map<String, Object> types = yaml.map(root, "insatser");
        for (String code : types.keySet()) {
            Map<String, Object> t = yaml.map(types, code);
            Integer ladder = yaml.integer(t, "ladder");
            if (ladder == null || ladder < 1 || ladder > 5) {
                throw yaml.error("insatser." + code + ".ladder", "must be a ladder level 1-5");
            }
            insatser.put(code, new SourceProfile.InsatsType(code, yaml.string(t, "label", false), ladder,
                    yaml.string(t, "evidence", false)));
        }
        return new SourceProfile(source, aliases, codes, insatser);
    }
}
