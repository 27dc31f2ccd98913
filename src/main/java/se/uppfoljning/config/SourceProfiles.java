package se.uppfoljning.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The profiles of every source in one folder ({@code --sources}, default jobs/sources). */
public final class SourceProfiles {
    private final Map<String, SourceProfile> bySource = new HashMap<>();

    public SourceProfiles(Path dir, Iterable<String> sources) {
        for (String s : sources) bySource.put(s, SourceProfileLoader.load(dir, s));
    }

    public SourceProfile of(String source) {
        return bySource.get(source);
    }
}
