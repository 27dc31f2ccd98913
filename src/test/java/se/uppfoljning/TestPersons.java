package se.uppfoljning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Personnummer for fixtures: only Skatteverket's published test numbers, which belong to nobody
 * (src/main/resources/sampledata/skatteverket-testpersonnummer.txt). Never invent one.
 */
public final class TestPersons {
    private static final List<String> ALL = load();

    private TestPersons() {
    }

    /** The n-th test number (0-based) of a person born in the given years, 12 digits. */
    public static String born(int fromYear, int toYear, int n) {
        int seen = 0;
        for (String p : ALL) {
            int year = Integer.parseInt(p.substring(0, 4));
            if (year >= fromYear && year <= toYear && seen++ == n) return p;
        }
        throw new IllegalArgumentException("not enough test numbers born " + fromYear + "-" + toYear);
    }

    /** An adult of working age: the n-th test number born 1960-1990. */
    public static String adult(int n) {
        return born(1960, 1990, n);
    }

    /** As written with a hyphen, YYYYMMDD-NNNC. */
    public static String hyphenated(String twelve) {
        return twelve.substring(0, 8) + "-" + twelve.substring(8);
    }

    public static List<String> all() {
        return ALL;
    }

    private static List<String> load() {
        var in = TestPersons.class.getResourceAsStream("/sampledata/skatteverket-testpersonnummer.txt");
        if (in == null) throw new IllegalStateException("test number list missing from the classpath");
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.matches("\\d{12}")) out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
