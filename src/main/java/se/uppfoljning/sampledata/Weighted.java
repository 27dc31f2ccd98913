package se.uppfoljning.sampledata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A list of string values with integer weights; {@link #pick} draws one (insertion order fixed). */
final class Weighted {

    private final List<String> values = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    static Weighted of(Object... valueWeightPairs) {
        Weighted w = new Weighted();
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            w.add((String) valueWeightPairs[i], (Integer) valueWeightPairs[i + 1]);
        }
        return w;
    }

    Weighted add(String value, int weight) {
        if (weight > 0) {
            total += weight;
            values.add(value);
            cumulative.add(total);
        }
        return this;
    }

    String pick(SplittableRandom rng) {
        int r = rng.nextInt(total);
        for (int i = 0; i < values.size(); i++) {
            if (r < cumulative.get(i)) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
