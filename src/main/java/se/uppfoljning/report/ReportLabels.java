package se.uppfoljning.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Swedish text of every ID a report shows: indicators, breakdowns and their values, genders,
 * units, periods, reject reasons and the page texts. One file, {@code report-templates/labels_sv.properties}
 * (UTF-8), read from the classpath; the PDF templates get the same bundle as their resource bundle.
 * An ID without a label is shown as itself, so a new indicator never disappears from a report.
 */
public final class ReportLabels {

    static final String RESOURCE = "report-templates/labels_sv.properties";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern HALF_OR_TERTIAL = Pattern.compile("(\\d{4})-(H[12]|T[123])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final ResourceBundle bundle;

    private ReportLabels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The labels shipped with the program. */
    public static ReportLabels swedish() {
        try (InputStream in = ReportLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new ReportLabels(new PropertyResourceBundle(reader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** For the PDF templates ({@code $R{key}}). */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, or {@code fallback} when the file has none. */
    public String text(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** The text for {@code key}; the key itself when the file has none. */
    public String text(String key) {
        return text(key, key);
    }

    /** The text for {@code key} with {0}, {1}, … replaced by the arguments; the key itself when missing. */
    public String format(String key, Object... args) {
        String text = text(key, key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public String report(String reportId) {
        return text("report." + reportId, reportId);
    }

    public String indicator(String indicatorId) {
        return text("indicator." + indicatorId, indicatorId);
    }

    public String breakdown(String breakdown) {
        return text("breakdown." + breakdown, breakdown);
    }

    /** A breakdown value as a reader knows it: "18–29 år", "Team 3", "Arbetsförmedlingen"; areas as they are. */
    public String breakdownValue(String breakdown, String value) {
        if ("team".equals(breakdown)) {
            return text("value.team.prefix", "Team") + " " + value;
        }
        return text("value." + breakdown + "." + value, value);
    }

    public String gender(String gender) {
        return text("gender." + gender, gender);
    }

    public String unit(String unit) {
        return text("unit." + unit, unit);
    }

    public String reason(String reason) {
        return text("reason." + reason, reason);
    }

    /** "mars 2026", "Första halvåret 2026", "Tertial 2 2026 (maj–augusti)", "Helåret 2026", "Hela projekttiden". */
    public String period(String period) {
        if (period == null || period.isEmpty()) {
            return "";
        }
        if ("lifetime".equals(period)) {
            return text("period.lifetime", period);
        }
        Matcher m = HALF_OR_TERTIAL.matcher(period);
        if (m.matches()) {
            return format("period." + m.group(2), m.group(1));
        }
        m = MONTH.matcher(period);
        if (m.matches()) {
            String month = text("month." + Integer.parseInt(m.group(2)), m.group(2));
            return capitalise(month) + " " + m.group(1);
        }
        if (YEAR.matcher(period).matches()) {
            return format("period.year", period);
        }
        return period;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
