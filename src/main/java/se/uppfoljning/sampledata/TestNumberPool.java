package se.uppfoljning.sampledata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Skatteverket's test personnummer (CC0 open data, shipped as the classpath resource
 * {@value #RESOURCE}), grouped by birth year and drawn without replacement. Every person in the
 * sample data gets a number from here; nothing else is ever used as a personnummer.
 */
public final class TestNumberPool {

    public static final String RESOURCE = "/sampledata/skatteverket-testpersonnummer.txt";

    private final TreeMap<Integer, List<String>> byYear = new TreeMap<>();

    private TestNumberPool(List<String> numbers) {
        for (String n : numbers) {
            byYear.computeIfAbsent(Integer.parseInt(n.substring(0, 4)), y -> new ArrayList<>()).add(n);
        }
    }

    /** Loads the list from the classpath, in file order. */
    public static TestNumberPool load() {
        return new TestNumberPool(readList());
    }

    /**
     * The list and, after it, the samordningsnummer derived from each of its numbers (day + 60,
     * check digit recomputed; the data folder's README asks for exactly this where more numbers
     * are needed): twice as many distinct persons, every one still traceable to a test number.
     * The benchmark's scale mode uses it; the sample data keep to {@link #load()}.
     */
    public static TestNumberPool loadWithSamordningsnummer() {
        List<String> numbers = readList();
        List<String> both = new ArrayList<>(numbers);
        for (String n : numbers) {
            both.add(SamplePersonnummer.toSamordningsnummer(n));
        }
        return new TestNumberPool(both);
    }

    /** All numbers of the list, in file order (for tests). */
    public static List<String> readList() {
        try (InputStream in = TestNumberPool.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing");
            }
            List<String> numbers = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                String n = line.strip();
                if (n.matches("\\d{12}")) {
                    numbers.add(n);
                }
            }
            return numbers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws an unused number born in {@code year}; when that year is used up, the nearest year
     * within [minYear, maxYear] that still has numbers (the earlier one on a tie).
     */
    public String draw(int year, int minYear, int maxYear, SplittableRandom rng) {
        for (int distance = 0; distance <= maxYear - minYear; distance++) {
            for (int y : new int[] {year - distance, year + distance}) {
                if (y < minYear || y > maxYear) {
                    continue;
                }
                List<String> numbers = byYear.get(y);
                if (numbers != null && !numbers.isEmpty()) {
                    return removeAt(numbers, rng.nextInt(numbers.size()));
                }
            }
        }
        throw new IllegalStateException("No test personnummer left born " + minYear + "-" + maxYear);
    }

    /** Draws an unused number born in exactly {@code year}; null when that year is used up. */
    public String drawExact(int year, SplittableRandom rng) {
        List<String> numbers = byYear.get(year);
        return numbers == null || numbers.isEmpty() ? null : removeAt(numbers, rng.nextInt(numbers.size()));
    }

    /** How many unused numbers are born in [minYear, maxYear]. */
    public int remaining(int minYear, int maxYear) {
        int count = 0;
        for (Map.Entry<Integer, List<String>> e : byYear.subMap(minYear, true, maxYear, true).entrySet()) {
            count += e.getValue().size();
        }
        return count;
    }

    /** Swap-remove: O(1) and deterministic. */
    private static String removeAt(List<String> list, int index) {
        String picked = list.get(index);
        String last = list.remove(list.size() - 1);
        if (index < list.size()) {
            list.set(index, last);
        }
        return picked;
    }
}
