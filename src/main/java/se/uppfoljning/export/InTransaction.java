package se.uppfoljning.export;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an export inside a transaction: the one of the job step when there is one, else a new one.
 * The exports need it for the database cursor they read with and for their temporary tables, and
 * so that the history and the files agree (a failure rolls the history back).
 */
@Component
public class InTransaction {
    private final TransactionTemplate transactions;

    public InTransaction(PlatformTransactionManager tm) {
        this.transactions = new TransactionTemplate(tm);
    }

    public <T> T call(Callable<T> work) throws Exception {
        try {
            return transactions.execute(status -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked e) {
            throw (Exception) e.getCause();
        }
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
