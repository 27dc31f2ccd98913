package se.uppfoljning.report;

import java.util.regex.Pattern;

/**
 * Keeps text from an extract from becoming a formula when a spreadsheet opens an output (OWASP's
 * advice on CSV injection): a cell starting with =, +, -, @, tab or carriage return gets a leading
 * apostrophe. Plain numbers such as -5 or +46 are left as they are.
 */
public final class FormulaGuard {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9][0-9 .,]*");

    private FormulaGuard() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) return text;
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || PLAIN_NUMBER.matcher(text).matches()) return text;
        return "'" + text;
    }
}
