package se.uppfoljning.outcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A .sql file from the classpath: statements end with a line ending in ';' (or the file's end). */
final class SqlScript {
    private final String name;
    private final List<String> statements;

    private SqlScript(String name, List<String> statements) {
        this.name = name;
        this.statements = statements;
    }

    static SqlScript load(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException("missing SQL resource " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.strip().startsWith("--")) continue;
                current.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    statements.add(current.toString().stripTrailing().replaceAll(";$", ""));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) statements.add(current.toString());
            return new SqlScript(resource, List.copyOf(statements));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements as run (comments left out), e.g. to tell whether a definition changed. */
    String text() {
        return String.join(";\n", statements);
    }

    /** Runs every statement with the named parameters it uses. */
    void run(JdbcClient jdbc, Map<String, ?> parameters) {
        for (String sql : statements) {
            var spec = jdbc.sql(sql);
            for (var p : parameters.entrySet()) {
                if (sql.contains(":" + p.getKey())) spec = spec.param(p.getKey(), p.getValue());
            }
            spec.update();
        }
    }

    String name() {
        return name;
    }
}
