package org.automations.engine;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.automations.flow.Automation;

/**
 * What the engine does inside one transaction: the automations whose step or receiver runs in it
 * right now (their live objects) and the automations to advance once it has committed.
 *
 * <p>Calls into the engine made from inside a step or a receiver (save, run, nice, messages, create,
 * kill) find the scope of their transaction and take part in it: their writes commit or roll back
 * with the step. A call that started a transaction of its own instead would wait for the row lock
 * that the step's transaction holds on this very thread.
 */
public final class StepScope {

    /** Kept as a resource of the transaction, so every call in it finds the same scope. */
    private static final String RESOURCE = StepScope.class.getName();

    /**
     * Automations live on this thread in any transaction, a suspended one too: a call that would lock
     * one of them from another transaction is refused instead of waiting for its own lock.
     */
    private static final ThreadLocal<Map<Long, Integer>> LIVE_ON_THREAD = ThreadLocal.withInitial(HashMap::new);

    private final Map<Long, Automation> live = new HashMap<>();
    private final List<Long> advanceAfterCommit = new ArrayList<>();

    private StepScope() {
    }

    /** The scope of the calling thread's transaction; null outside any step or receiver. */
    public static StepScope current(TransactionSynchronizationRegistry transaction) {
        if (transaction.getTransactionKey() == null) {
            return null;
        }
        return (StepScope) transaction.getResource(RESOURCE);
    }

    /**
     * The scope of the current transaction, opened on first use. When the transaction commits, the
     * automations registered with {@link #advanceAfterCommit} are handed to {@code afterCommit}.
     */
    static StepScope open(TransactionSynchronizationRegistry transaction, Consumer<Set<Long>> afterCommit) {
        StepScope scope = current(transaction);
        if (scope == null) {
            StepScope opened = new StepScope();
            transaction.putResource(RESOURCE, opened);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && !opened.advanceAfterCommit.isEmpty()) {
                        afterCommit.accept(new LinkedHashSet<>(opened.advanceAfterCommit));
                    }
                }
            });
            scope = opened;
        }
        return scope;
    }

    /** True while a step of that automation runs on this thread, in whatever transaction. */
    public static boolean isLiveOnThread(long automationId) {
        return LIVE_ON_THREAD.get().containsKey(automationId);
    }

    /**
     * Refuses a call that would lock, in a transaction of its own, an automation whose step runs on
     * this thread in another (suspended) transaction: it would wait for its own lock until the timeout.
     */
    public static void refuseOwnLock(long automationId, String action) {
        if (isLiveOnThread(automationId)) {
            throw new IllegalStateException("Cannot " + action + " automation " + automationId + " from a new transaction"
                    + " while its own step runs on this thread (it would wait for its own row lock): call the engine"
                    + " from the step's transaction, not from a REQUIRES_NEW bean");
        }
    }

    /** The automation's step or receiver runs now, in this transaction, with that object. */
    void hold(long automationId, Automation automation) {
        if (live.put(automationId, automation) == null) {
            LIVE_ON_THREAD.get().merge(automationId, 1, Integer::sum);
        }
    }

    /** Its step or receiver is over (its row stays locked until the transaction ends). */
    void release(long automationId) {
        if (live.remove(automationId) != null) {
            Map<Long, Integer> onThread = LIVE_ON_THREAD.get();
            if (onThread.merge(automationId, -1, Integer::sum) <= 0) {
                onThread.remove(automationId);
            }
        }
    }

    /** The live object of an automation held in this transaction, or null. */
    public Automation live(long automationId) {
        return live.get(automationId);
    }

    public boolean holds(long automationId) {
        return live.containsKey(automationId);
    }

    /** Runs the automation on once this transaction has committed (nothing happens on a rollback). */
    public void advanceAfterCommit(long automationId) {
        advanceAfterCommit.add(automationId);
    }

    /** A killed automation has nothing left to advance. */
    void forget(long automationId) {
        advanceAfterCommit.removeIf(id -> id == automationId);
    }

    /** Where the registrations stand before a step (see {@link #rollBackTo}). */
    int mark() {
        return advanceAfterCommit.size();
    }

    /** A step was rolled back to its savepoint: what it asked to advance after the commit is dropped. */
    void rollBackTo(int mark) {
        advanceAfterCommit.subList(mark, advanceAfterCommit.size()).clear();
    }
}
