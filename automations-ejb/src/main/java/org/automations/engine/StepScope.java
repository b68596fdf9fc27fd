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
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(StepScope.class.getName());

    /** Kept as a resource of the transaction, so every call in it finds the same scope. */
    private static final String RESOURCE = StepScope.class.getName();

    /**
     * Automations live on this thread in any transaction, a suspended one too: a call that would lock
     * one of them from another transaction is refused instead of waiting for its own lock.
     */
    private static final ThreadLocal<Map<Long, Integer>> LIVE_ON_THREAD = ThreadLocal.withInitial(HashMap::new);

    private final Map<Long, Automation> live = new HashMap<>();
    /**
     * What to do once the transaction has committed, in the order asked: automation ids (Long) to
     * advance and actions (Runnable). One list, so that a step rolled back to its savepoint drops
     * both kinds with one mark.
     */
    private final List<Object> afterCommitWork = new ArrayList<>();

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
                    if (status == Status.STATUS_COMMITTED) {
                        opened.committed(afterCommit);
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
        afterCommitWork.add(automationId);
    }

    /**
     * Runs the action on the committing thread once this transaction has committed; nothing happens on
     * a rollback, nor when the step that asked is rolled back to its savepoint. The action should be
     * short (hand longer work to a managed thread); what it throws is logged, the commit stands.
     */
    public void runAfterCommit(Runnable action) {
        afterCommitWork.add(action);
    }

    private void committed(Consumer<Set<Long>> afterCommit) {
        Set<Long> advance = new LinkedHashSet<>();
        for (Object work : afterCommitWork) {
            if (work instanceof Long id) {
                advance.add(id);
            } else {
                try {
                    ((Runnable) work).run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An action after a commit failed (the commit stands)", e);
                }
            }
        }
        if (!advance.isEmpty()) {
            afterCommit.accept(advance);
        }
    }

    /** A killed automation has nothing left to advance. */
    void forget(long automationId) {
        afterCommitWork.removeIf(work -> work instanceof Long id && id == automationId);
    }

    /** Where the registrations stand before a step (see {@link #rollBackTo}). */
    int mark() {
        return afterCommitWork.size();
    }

    /**
     * A step was rolled back to its savepoint: what it asked to advance or run after the commit is
     * dropped.
     */
    void rollBackTo(int mark) {
        afterCommitWork.subList(mark, afterCommitWork.size()).clear();
    }
}
