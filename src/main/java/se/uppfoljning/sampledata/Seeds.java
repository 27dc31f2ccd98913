package se.uppfoljning.sampledata;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the seed and a name (project, purpose, person index),
 * so that changing how one source is generated does not shift the others.
 */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom rng(long seed, String project, String purpose, long index) {
        long h = 0xcbf29ce484222325L ^ seed; // FNV-1a over the name, started from the seed
        for (byte b : (project + '/' + purpose).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(h * 31 + index);
    }
}
