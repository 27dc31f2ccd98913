package se.uppfoljning.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YAML mapping read from one file, with typed getters whose errors name the file and the key.
 * SnakeYAML's safe constructor is used: configuration never instantiates classes.
 */
public final class YamlFile {
    private final Path file;
    private final Map<String, Object> root;

    private YamlFile(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static YamlFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file not found: " + file);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ConfigException(file + ": expected a YAML mapping (key: value lines) at the top level");
            }
            return new YamlFile(file, stringKeys(map));
        } catch (IOException | YAMLException e) {
            throw new ConfigException(file + ": cannot be read as YAML: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> root() {
        return root;
    }

    public ConfigException error(String key, String problem) {
        return new ConfigException(file + ": '" + key + "' " + problem);
    }

    public String string(Map<String, Object> map, String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) throw error(key, "is missing");
            return null;
        }
        return v.toString().trim();
    }

    public Integer integer(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, was '" + v + "'");
        }
    }

    public Double decimal(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a number, was '" + v + "'");
        }
    }

    public LocalDate date(Map<String, Object> map, String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) throw error(key, "is missing");
            return null;
        }
        if (v instanceof java.util.Date d) {
            // SnakeYAML reads unquoted dates as java.util.Date at UTC midnight
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(v.toString().trim());
        } catch (DateTimeParseException e) {
            throw error(key, "must be a date YYYY-MM-DD, was '" + v + "'");
        }
    }

    public List<String> strings(Map<String, Object> map, String key) {
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof List<?> list)) throw error(key, "must be a list, e.g. [A, B]");
        for (Object o : list) {
            if (o != null) out.add(o.toString().trim());
        }
        return out;
    }

    public List<Map<String, Object>> maps(Map<String, Object> map, String key) {
        Object v = map.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof List<?> list)) throw error(key, "must be a list of mappings");
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) throw error(key, "must be a list of mappings");
            out.add(stringKeys(m));
        }
        return out;
    }

    public Map<String, Object> map(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) return new LinkedHashMap<>();
        if (!(v instanceof Map<?, ?> m)) throw error(key, "must be a mapping (key: value)");
        return stringKeys(m);
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
