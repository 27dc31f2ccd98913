package se.uppfoljning.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.copy.CopyManager;

import se.uppfoljning.database.BinaryCopy;

/**
 * A chunk's bistand rows summed per person and month, for payment_month (V17): the sum of belopp per
 * person and month is all that SELF_SUFFICIENT_3M and ELIGIBLE read of the payments (R9), and grouping
 * every payment row for it was the outcome computation's longest statement (issue 9). Extracts list a
 * person's rows together, so the rows of one person and month mostly follow each other: each run of
 * them becomes one sum, kept beside the rows themselves, in the same chunk's transaction. A person-month
 * spread over the file becomes several sums, which the outcome SQL adds up; each staged row is in
 * exactly one of them (rows counts it), so the sums never say more or less than payment does.
 */
final class PaymentMonths {
    /** payment_month's columns as staged; project_id is added when the table is attached. */
    private static final List<String> COLUMNS = List.of("file_id", "person_key", "month", "paid", "rows");
    private static final List<String> STAGED = StagingRows.columns(Source.BISTAND);
    private static final int KEY = STAGED.indexOf("person_key");
    private static final int MONTH = STAGED.indexOf("month");
    private static final int AMOUNT = STAGED.indexOf("amount");

    /** The sums in row order, each {file_id, person_key, month, paid, rows}: at most one per row of a chunk. */
    private final List<Object[]> sums = new ArrayList<>();
    private Object[] current;

    /** The table a bistand file's months are staged in, and attached as its partition of payment_month. */
    static String tableOf(long fileId) {
        return "payment_month_file_" + fileId;
    }

    /** Adds a staged bistand row to the sum of its person and month, or starts the next sum. */
    void add(StagedRow row) {
        Object[] v = row.values();
        // the amount as payment stores it: numeric(12,2) rounds a third decimal half away from zero; an
        // amount of at most two decimals is added as it is (a new BigDecimal for each row cost time)
        BigDecimal amount = (BigDecimal) v[AMOUNT];
        if (amount.scale() > 2) amount = amount.setScale(2, RoundingMode.HALF_UP);
        if (current != null && (long) current[0] == row.fileId() && sameKey((byte[]) current[1], (byte[]) v[KEY])
                && current[2].equals(v[MONTH])) {
            current[3] = ((BigDecimal) current[3]).add(amount);
            current[4] = (Integer) current[4] + 1;
            return;
        }
        current = new Object[] {row.fileId(), v[KEY], v[MONTH], amount, 1};
        sums.add(current);
    }

    /** The person key of the row before is mostly the same array (PersonKeyHasher keeps the last one). */
    private static boolean sameKey(byte[] a, byte[] b) {
        return a == b || Arrays.equals(a, b);
    }

    boolean isEmpty() {
        return sums.isEmpty();
    }

    /** Writes the sums into their files' tables, one binary COPY per file, in the chunk's transaction. */
    void copy(Connection connection, CopyManager api) throws SQLException, IOException {
        int from = 0;
        while (from < sums.size()) {
            long fileId = (long) sums.get(from)[0];
            int to = from;
            while (to < sums.size() && (long) sums.get(to)[0] == fileId) to++;
            String table = tableOf(fileId);
            BinaryCopy encoded = BinaryCopy.forTable(connection, table, COLUMNS).header();
            for (int i = from; i < to; i++) encoded.row(sums.get(i));
            encoded.trailer();
            api.copyIn(encoded.copySql(table), new ByteArrayInputStream(encoded.bytes(), 0, encoded.length()));
            from = to;
        }
    }
}
