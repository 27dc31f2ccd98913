package se.uppfoljning.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one agency's extract is read (jobs/sources/&lt;source&gt;.yml): other names for our columns,
 * the agency's codes for ours, and for insatser the ladder level and evidence of each insats.
 *
 * @param aliases  our column name → the lower-cased names that also mean it
 * @param codes    our column name → (lower-cased raw code → our code)
 * @param insatser our insats code → its ladder level and the status it is evidence of
 */
public record SourceProfile(String source, Map<String, List<String>> aliases,
                            Map<String, Map<String, String>> codes, Map<String, InsatsType> insatser) {

    public record InsatsType(String code, String label, int ladder, String evidence) {
    }

    /**
     * Our code for a raw value of a coded column: our own codes are always accepted as they are,
     * otherwise the profile's mapping decides. Matching ignores case and surrounding blanks.
     */
    public Optional<String> mapCode(String column, String raw, List<String> ourCodes) {
        String key = raw.trim().toLowerCase(Locale.ROOT);
        for (String own : ourCodes) {
            if (own.toLowerCase(Locale.ROOT).equals(key)) return Optional.of(own);
        }
        Map<String, String> mapping = codes.get(column);
        return mapping == null ? Optional.empty() : Optional.ofNullable(mapping.get(key));
    }
}
