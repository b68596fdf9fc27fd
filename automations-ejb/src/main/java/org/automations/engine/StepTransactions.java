package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The timeout of the step transactions this thread begins: the container begins a REQUIRES_NEW
 * method's transaction with the calling thread's timeout, so the engine sets it to the time limit of
 * the steps the transaction is begun for ({@link BurstLimits}) and back to the default afterwards.
 */
@ApplicationScoped
public class StepTransactions {

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    /** Runs {@code call}; the transaction it begins times out after {@code limit}. */
    public <T> T withinStepLimit(Duration limit, Supplier<T> call) {
        setTimeout((int) limit.toSeconds());
        try {
            return call.get();
        } finally {
            setTimeout(0); // the container's default
        }
    }

    private void setTimeout(int seconds) {
        try {
            transactionManager.setTransactionTimeout(seconds);
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot set the transaction timeout to " + seconds + " s", e);
        }
    }
}
