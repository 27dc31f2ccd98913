package se.uppfoljning.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds given personnummer in text, in every form a program or a person writes them:
 * {@code YYYYMMDDNNNC}, {@code YYYYMMDD-NNNC}, {@code YYYYMMDD+NNNC}, {@code YYMMDD-NNNC},
 * {@code YYMMDD+NNNC} and {@code YYMMDDNNNC}, also with a blank or two around the separator. A run
 * of digits is only a candidate where it is not part of a longer run of digits; it is a finding only
 * when it is one of the numbers looked for, so dates, counts and hashes do not raise false alarms.
 */
public final class PersonnummerScanner {
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9])([0-9]{8}|[0-9]{6})[ \\t\\u00a0]{0,2}([-+]?)[ \\t\\u00a0]{0,2}([0-9]{4})(?![0-9])");

    /** A number found: how it was written (with the serial hidden) and where in the text. */
    public record Finding(int offset, String masked) {
    }

    private final Set<String> twelve = new HashSet<>();
    private final Set<String> ten = new HashSet<>();

    /** @param numbers the numbers to look for, as 12 digits */
    public PersonnummerScanner(Collection<String> numbers) {
        for (String n : numbers) {
            if (!n.matches("[0-9]{12}")) throw new IllegalArgumentException("not 12 digits");
            twelve.add(n);
            ten.add(n.substring(2));
        }
    }

    public int size() {
        return twelve.size();
    }

    public List<Finding> scan(CharSequence text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String date = m.group(1);
            String digits = date + m.group(3);
            boolean hit = date.length() == 8 ? twelve.contains(digits) : ten.contains(digits);
            if (hit) found.add(new Finding(m.start(), date + m.group(2) + "****"));
        }
        return found;
    }
}
