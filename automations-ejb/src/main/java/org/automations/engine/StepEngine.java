package org.automations.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Advances automations step by step, one transaction per step (see {@link StepExecutor}). Runs
 * outside any transaction itself, so a long run never holds a lock between steps.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StepEngine {

    private static final Logger LOG = Logger.getLogger(StepEngine.class.getName());

    @Inject
    StepExecutor executor;

    @Inject
    EngineSettings settings;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    Workers workers;

    @Inject
    StepTransactions transactions;

    /** Where one call to advance left an automation. */
    public record Advance(boolean progressed, String stoppedAt) {
    }

    /**
     * Runs an automation until it finishes, waits or needs a person.
     *
     * @param tick true for the tick: only if it is due at {@code now} and not held elsewhere
     */
    public Advance advance(long automationId, Instant at, boolean tick) {
        return continueRun(automationId, EngineClock.truncate(at), tick ? ClaimMode.TICK : ClaimMode.WAIT, false, null,
                false, null);
    }

    /**
     * Runs an automation one step per transaction: after a shared transaction rolled back because of
     * one of its steps, so that the steps before that one commit and only the failing one fails.
     */
    public Advance advanceStepwise(long automationId, Instant at) {
        return continueRun(automationId, EngineClock.truncate(at), ClaimMode.WAIT, false, null, true, null);
    }

    /**
     * Runs bursts (several steps per transaction) until the automation waits, finishes or is held
     * elsewhere. A failure in a burst's first step is recorded in a transaction of its own. Each burst's
     * transaction times out after the limit of the step it is begun for ({@link BurstLimits}).
     *
     * @param firstLimit the first burst's time limit, null for the default step limit
     */
    Advance continueRun(long automationId, Instant now, ClaimMode firstClaim, boolean progressedBefore,
            String stoppedBefore, boolean stepwiseFirst, Duration firstLimit) {
        Duration limit = firstLimit == null ? settings.stepTimeout() : firstLimit;
        boolean progressed = progressedBefore;
        String stoppedAt = stoppedBefore;
        ClaimMode mode = firstClaim;
        boolean stepwise = stepwiseFirst;
        int bursts = 0;
        int maxBursts = Math.max(1, settings.maxStepsPerRun() / settings.stepsPerTransaction());
        while (bursts++ < maxBursts) {
            StepOutcome outcome;
            try {
                outcome = burstWithin(limit, automationId, now, mode, stepwise ? 1 : settings.stepsPerTransaction());
            } catch (EJBException | PersistenceException e) {
                if (causedBy(e, StepRun.StepTimedOut.class)) {
                    // The watchdog recorded the failure when the limit passed; this thread only came back now.
                    LOG.log(Level.INFO, "Automation " + automationId + ": a step returned after its time limit", e);
                } else if (isLockTimeout(e)) {
                    // Held by another thread or server beyond the lock timeout: that holder does the work.
                    LOG.log(Level.FINE, "Automation " + automationId + " is busy elsewhere", e);
                } else {
                    LOG.log(Level.WARNING, "Automation " + automationId + " could not advance; the next tick retries", e);
                }
                break;
            }
            if (mode == ClaimMode.TICK) {
                mode = ClaimMode.CONTINUE; // the tick checked that it was due; later bursts just continue
            }
            stoppedAt = outcome.stoppedAt();
            progressed |= outcome.progressed();
            limit = outcome.nextLimit() == null ? settings.stepTimeout() : outcome.nextLimit();
            switch (outcome.kind()) {
                case FAILED -> {
                    progressed = true;
                    stepwise = false;
                    if (!executor.recordFailure(automationId, outcome.failedTaskId(), outcome.error(), now)) {
                        return new Advance(true, stoppedAt);
                    }
                }
                case RETRY_STEPWISE -> stepwise = true;
                case DEFERRED -> {
                    // the next burst begins a transaction with the deferred step's limit
                }
                case PROGRESSED -> {
                    // more steps than one transaction takes: next burst
                }
                case PAUSED -> {
                    return new Advance(true, stoppedAt);
                }
                default -> {
                    return new Advance(progressed, stoppedAt);
                }
            }
        }
        return new Advance(progressed, stoppedAt);
    }

    /** One burst in a transaction that the container begins with the given timeout (the step's limit). */
    private StepOutcome burstWithin(Duration limit, long automationId, Instant now, ClaimMode mode, int maxSteps) {
        return transactions.withinStepLimit(limit, () -> executor.burst(automationId, now, mode, maxSteps, limit));
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** True when the exception says the row lock was not granted in time (JPA, H2 HYT00, PostgreSQL 55P03). */
    static boolean isLockTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && ("HYT00".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tick: hands every automation whose next run is due at {@code now}, found through the
     * next_run index (cost grows with the number due, not the number waiting), to this server's
     * workers, a few per transaction. An automation a worker is advancing is not handed out again
     * (the overlap guard is per automation); claiming its row keeps other servers off it.
     *
     * @param wait true to return only when the workers are done (then the count is meaningful)
     * @return how many automations advanced (0 when not waiting)
     */
    public int runDue(Instant at, boolean wait) {
        Instant now = EngineClock.truncate(at);
        int batch = settings.tickBatchSize();
        Set<Long> seen = new HashSet<>();
        Workers.Batch work = new Workers.Batch();
        while (true) {
            List<Long> due = em.createQuery("select a.id from AutomationModel a where a.nextRun <= :now"
                    + " order by a.nextRun, a.id", Long.class)
                    .setParameter("now", now)
                    .setMaxResults(batch + seen.size())
                    .getResultList();
            List<Long> fresh = due.stream().filter(seen::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            int chunk = settings.automationsPerTransaction();
            // Queued, not waited for: the tick's thread never blocks on a busy worker.
            for (int from = 0; from < fresh.size(); from += chunk) {
                List<Long> ids = workers.take(fresh.subList(from, Math.min(fresh.size(), from + chunk)));
                if (ids.isEmpty()) {
                    continue;
                }
                workers.offer(work, ids, now);
            }
        }
        return wait ? work.await() : 0;
    }

    /** Hands an automation to a worker of its own (its next step needs a transaction of its own). */
    public interface Handoff {
        void alone(long automationId, Duration limit, boolean continuing);
    }

    /**
     * Advances due automations, several per transaction (one commit for many short bursts). Those
     * whose next step needs a transaction of its own (its own time limit, or not known to be fast)
     * are handed off, so that a slow one holds back none of the others; the rest go on here. When the
     * shared transaction cannot commit, each automation is advanced in transactions of its own (the
     * one that caused it step by step).
     *
     * @return how many progressed (handed-off ones count where they run)
     */
    public int advanceDue(List<Long> ids, Instant now, Handoff handoff) {
        if (ids.size() == 1) {
            return advance(ids.get(0), now, true).progressed() ? 1 : 0;
        }
        List<StepOutcome> outcomes;
        try {
            outcomes = transactions.withinStepLimit(settings.stepTimeout(),
                    () -> executor.burstDue(ids, now, settings.stepsPerTransaction()));
        } catch (EJBException | PersistenceException e) {
            LOG.log(Level.FINE, "A shared tick transaction failed; advancing its automations one by one", e);
            outcomes = null;
        }
        int advanced = 0;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            StepOutcome outcome = outcomes == null ? null : outcomes.get(i);
            if (outcome == null) {
                advanced += advance(id, now, true).progressed() ? 1 : 0;
            } else if (outcome.kind() == StepOutcome.Kind.RETRY_STEPWISE) {
                // The one whose step made the shared transaction roll back: step by step from the start.
                advanced += continueRun(id, now, ClaimMode.TICK, false, null, true, null).progressed() ? 1 : 0;
            } else if (outcome.kind() == StepOutcome.Kind.DEFERRED) {
                handoff.alone(id, outcome.nextLimit(), false);
            } else if (outcome.kind() == StepOutcome.Kind.PROGRESSED) {
                advanced++;
                if (outcome.nextLimit() != null) {
                    handoff.alone(id, outcome.nextLimit(), true);
                } else {
                    continueRun(id, now, ClaimMode.CONTINUE, true, outcome.stoppedAt(), false, null);
                }
            } else if (outcome.progressed()) {
                advanced++;
            }
        }
        return advanced;
    }

    /**
     * One automation handed off by {@link #advanceDue}, in transactions of its own.
     *
     * @param continuing true when it progressed in the shared transaction already (counted there)
     * @return 1 when it progressed here and was not counted before
     */
    public int advanceAlone(long automationId, Instant now, Duration limit, boolean continuing) {
        Advance advance = continueRun(automationId, now, continuing ? ClaimMode.CONTINUE : ClaimMode.TICK, continuing,
                null, false, limit);
        return advance.progressed() && !continuing ? 1 : 0;
    }
}
