package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditLog;
import org.automations.FormResult;
import org.automations.MigrationPlan;
import org.automations.flow.Automation;
import org.automations.flow.Data;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.ModelForm;
import org.automations.flow.Node;
import org.automations.json.JsonValues;
import org.automations.metrics.EngineMetrics;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.model.PooledIdGenerator;
import org.automations.notifications.TaskNotifications;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Every write of the engine, each in a transaction of its own (DESIGN.md guarantee 1). A step first
 * claims the automation's row ({@code FOR UPDATE}, with {@code SKIP LOCKED} for the tick), so one
 * automation is advanced by one thread at a time on any number of servers (guarantee 2).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StepExecutor {

    private static final Logger LOG = Logger.getLogger(StepExecutor.class.getName());

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    AutomationFactory factory;

    @Inject
    EngineSettings settings;

    @Inject
    MessageDispatcher messages;

    @Inject
    BoundModels models;

    @Inject
    JoinedWrites joined;

    @Inject
    AfterCommitRuns afterCommit;

    @Inject
    RunningSteps running;

    @Inject
    EngineMetrics metrics;

    @Inject
    TaskNotifications notifications;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    /**
     * A burst: claims the automation, then processes up to {@code maxSteps} ready tasks one after the
     * other in this transaction, each step after the first protected by a savepoint
     * ({@link Savepoints}), so a node that throws loses only its own step. A throw in the first step
     * rolls the transaction back and the outcome carries the error for {@link #recordFailure}.
     *
     * @param mode how to claim the row
     */
    public StepOutcome burst(long automationId, Instant now, ClaimMode mode, int maxSteps, Duration limit) {
        AutomationModel model = claim(automationId, now, mode);
        if (model == null) {
            return StepOutcome.of(mode == ClaimMode.WAIT ? StepOutcome.Kind.FINISHED : StepOutcome.Kind.NOT_CLAIMED, null);
        }
        return runSteps(model, now, maxSteps, false, null, limit, false);
    }

    /**
     * The tick's burst for several due automations in one transaction: each is claimed with
     * {@code SKIP LOCKED} (held or no longer due: NOT_CLAIMED) and runs its burst after a savepoint,
     * so a step that throws loses only its own writes and its failure is recorded right here. When a
     * step dooms the whole transaction (or has no savepoint) nothing commits: that automation's outcome
     * is RETRY_STEPWISE, the others' null.
     *
     * @return one outcome per id, in the order of {@code ids}
     */
    public List<StepOutcome> burstDue(List<Long> ids, Instant now, int maxSteps) {
        List<AutomationModel> claimed = em.createNativeQuery("select * from atm_automation where id in (:ids)"
                + " and next_run <= :now for update skip locked", AutomationModel.class)
                .setParameter("ids", ids).setParameter("now", now).getResultList();
        Set<Long> locked = new HashSet<>();
        claimed.forEach(model -> locked.add(model.getId()));
        List<StepOutcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            if (!locked.contains(id)) {
                outcomes.add(StepOutcome.of(StepOutcome.Kind.NOT_CLAIMED, null));
                continue;
            }
            // Found again: a failed step of an earlier automation clears the persistence context. What
            // the automations before it wrote is safe: the flush before that step wrote it.
            StepOutcome outcome = runSteps(em.find(AutomationModel.class, id), now, maxSteps, true, null,
                    settings.stepTimeout(), true);
            if (outcome.kind() == StepOutcome.Kind.RETRY_STEPWISE) {
                // Nothing commits: null for the others (run them again), RETRY_STEPWISE for this one.
                List<StepOutcome> retry = new ArrayList<>(Collections.nCopies(ids.size(), (StepOutcome) null));
                retry.set(ids.indexOf(id), outcome);
                return retry;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** What {@link #createAndRun} did: the new automation and how its first burst ended. */
    public record Created(AutomationModel model, StepOutcome outcome) {
    }

    /**
     * Inserts a new automation and runs its first burst in the same transaction (one commit for a
     * short automation). The insert is kept even when a step fails. The caller's instance (already
     * injected and bound) runs the steps, so no second one is made.
     */
    public Created createAndRun(AutomationDefinition definition, Automation automation, Data data, String uniqueKey,
            String startNode, Instant now, int maxSteps) {
        // Not flushed here: the flush before the first step writes the automation; the tasks are
        // written once, at the end of the burst.
        AutomationModel model = AutomationRows.insert(em, definition, data, uniqueKey, null, now, now);
        metrics.started(definition.getClassName());
        Node start = definition.getPrototypeNodes().get(startNode == null ? definition.firstNode() : startNode);
        AutomationTaskModel first = StepRun.newTask(em, model, start, null, now, settings, false);
        Automation attached = factory.attach(automation, model);
        StepRun run = new StepRun(em, definition, model, attached, List.of(first), now, settings,
                this::afterCommitRunThreaded, messages, metrics, notifications);
        run.adoptPending(first);
        StepOutcome outcome = runSteps(model, now, maxSteps, true, run, settings.stepTimeout(), false);
        // A failed step cleared the persistence context: then hand out the state as it will commit.
        return new Created(em.contains(model) ? model : em.find(AutomationModel.class, model.getId()), outcome);
    }

    /**
     * The steps of a burst. The automation's row is written once at the end (settle), not per step:
     * a step that fails after others restores the data they left, from the snapshot taken before it.
     *
     * @param prepared the step run of a new automation, or null to read the open tasks
     * @param limit the time limit this transaction was begun with
     * @param shared true in a transaction that advances other automations too (the tick's)
     */
    private StepOutcome runSteps(AutomationModel model, Instant now, int maxSteps, boolean afterOtherWork,
            StepRun prepared, Duration limit, boolean shared) {
        long automationId = model.getId();
        if (model.isFinished()) {
            return StepOutcome.of(StepOutcome.Kind.FINISHED, null);
        }
        Optional<AutomationDefinition> definition = registry.find(model.getAutomationClass());
        if (definition.isEmpty()) {
            // The class is gone from the deployment: stop polling it until someone retries it.
            LOG.warning(() -> "Automation " + automationId + " has the undeployed class " + model.getAutomationClass());
            model.setNextRun(null);
            return StepOutcome.of(StepOutcome.Kind.WAITING, null);
        }
        StepScope scope = StepScope.open(transactions, afterCommit);
        Savepoints savepoints = Savepoints.of(em, transactions);
        try {
            StepRun run = prepared == null ? stepRun(definition.get(), model, now) : prepared;
            scope.hold(automationId, run.automation());
            BurstLimits limits = new BurstLimits(running, definition.get(), automationId, limit, settings.stepTimeout(),
                    shared);
            run.guard(limits);
            StepOutcome outcome = null;
            boolean progressed = false;
            boolean savepointsWanted = definition.get().hasStepSavepoints();
            for (int step = 0; step < maxSteps; step++) {
                boolean protect = afterOtherWork || step > 0;
                // Without code of the application in it, a step can only fail by an engine error:
                // then the burst is redone step by step, as without savepoints.
                boolean savepoint = protect && savepointsWanted && run.mayRunApplicationCode();
                Data dataBefore = null;
                List<StepRun.PendingTask> pendingBefore = List.of();
                int registeredBefore = scope.mark();
                int countedBefore = metrics.mark();
                if (savepoint) {
                    savepoints.beforeStep();
                    dataBefore = run.dataCopy();
                    pendingBefore = run.pendingState();
                }
                limits.beforeStep(step);
                try {
                    outcome = run.processOne();
                    savepoints.afterStep();
                } catch (StepRun.Deferred deferred) {
                    // Nothing of that step ran: keep what the steps before it did, it goes on in a new transaction.
                    savepoints.afterStep();
                    run.settle(null);
                    return progressed
                            ? StepOutcome.of(StepOutcome.Kind.PROGRESSED, deferred.node).withNextLimit(deferred.limit)
                            : StepOutcome.deferred(deferred.node, deferred.limit);
                } catch (StepRun.NodeFailure failure) {
                    savepoints.afterStep();
                    if (!protect) {
                        context.setRollbackOnly();
                        return StepOutcome.failed(failure.node, failure.taskId, failure.getCause());
                    }
                    if (!savepoint || transactions.getRollbackOnly()) {
                        // No savepoint to return to, or the node's code doomed the whole transaction:
                        // redo this burst one step per transaction.
                        context.setRollbackOnly();
                        return StepOutcome.of(StepOutcome.Kind.RETRY_STEPWISE, failure.node);
                    }
                    savepoints.rollback();
                    scope.rollBackTo(registeredBefore);
                    metrics.rollBackTo(countedBefore);
                    // The row was not written since the burst began: put back the data the earlier steps
                    // left, and the tasks they entered (not written yet either).
                    em.find(AutomationModel.class, automationId).setData(dataBefore);
                    StepRun.restorePending(em, pendingBefore);
                    if (!recordFailure(automationId, failure.taskId, failure.getCause(), now)) {
                        return StepOutcome.of(StepOutcome.Kind.FINISHED, null).afterProgress();
                    }
                    AutomationModel reloaded = em.find(AutomationModel.class, automationId);
                    run = stepRun(definition.get(), reloaded, now);
                    scope.hold(automationId, run.automation());
                    run.guard(limits);
                    outcome = StepOutcome.of(StepOutcome.Kind.PROGRESSED, failure.node);
                }
                progressed |= outcome.progressed();
                if (outcome.kind() != StepOutcome.Kind.PROGRESSED) {
                    break;
                }
            }
            run.settle(null);
            return progressed ? outcome.afterProgress() : outcome;
        } finally {
            scope.release(automationId);
        }
    }

    /**
     * Records a node's exception on its task (message and stack trace) after the step rolled back.
     * With {@code .retry(...)} attempts left, the same node is entered again after the attempt's delay;
     * after the last one, {@code onError} continues there; otherwise the automation stops with status
     * FAILED.
     *
     * @param taskId the failed task; when it was never written (the step that entered it rolled back),
     *               the automation's start node or its oldest open task takes the failure
     * @return true when the automation continues
     */
    public boolean recordFailure(long automationId, long taskId, Throwable error, Instant now) {
        AutomationModel model = claim(automationId, now, ClaimMode.WAIT);
        if (model == null || model.isFinished()) {
            return false; // someone else finished or killed it meanwhile
        }
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElseThrow();
        Automation automation = factory.instance(definition.getType(), model);
        AutomationTaskModel task = failedTask(model, automation, taskId, now);
        if (task == null || task.getFinished() != null) {
            return false;
        }
        LOG.log(Level.FINE, "Automation " + automationId + " failed at " + task.getStatus(), error);
        Node node = automation.getNode(task.getStatus());
        int attempt = RetryPolicy.attemptOf(task);
        task.setFinished(now);
        task.setMessage(error.toString());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("error", stackTrace(error));
        if (node instanceof Execute execute && execute.getRetry() != null) {
            result.put("attempt", attempt);
        }
        task.setResultJson(JsonValues.write(result));
        metrics.stepFailed(definition.getClassName(), task.getStatus());
        if (node instanceof Execute execute && execute.getRetry() != null && attempt <= execute.getRetry().times()) {
            StepRun run = stepRun(definition, model, now, automation);
            run.enter(node.getName(), task).setDue(now.plus(execute.getRetry().delayBefore(attempt)));
            run.settle(null);
            return true;
        }
        if (node instanceof Execute execute && execute.getOnError() != null) {
            StepRun run = stepRun(definition, model, now, automation);
            run.enter(execute.getOnError(), task);
            run.settle(null);
            return true;
        }
        model.setStatus(AutomationStatus.FAILED);
        metrics.failed(definition.getClassName());
        model.setUniqueKey(null);
        model.setNextRun(null);
        model.setPausedUntil(null);
        model.setUpdated(EngineClock.now());
        return false;
    }

    /** The task that takes a failure: the given one, else the start task of a new automation, else the oldest open one. */
    private AutomationTaskModel failedTask(AutomationModel model, Automation automation, long taskId, Instant now) {
        AutomationTaskModel task = taskId > 0 ? em.find(AutomationTaskModel.class, taskId) : null;
        if (task != null) {
            return task;
        }
        if (model.getStartNode() != null) {
            AutomationTaskModel start = StepRun.newTask(em, model, automation.getNode(model.getStartNode()), null, now,
                    settings, true);
            model.setStartNode(null);
            return start;
        }
        return em.createQuery("select t from AutomationTaskModel t where t.automation = :a and t.finished is null"
                + " order by t.id", AutomationTaskModel.class).setParameter("a", model).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Inserts a new automation without a task (its first run enters the start node); the unique index
     * refuses a second @Unique instance.
     *
     * @param held true when the caller runs it itself right after (the tick must not start it meanwhile)
     */
    public AutomationModel create(AutomationDefinition definition, Data data, String uniqueKey, String startNode,
            boolean held, Instant now) {
        return joined.create(definition, data, uniqueKey, startNode, !held, now);
    }

    /** Fails an automation that has not started (a startedByEvent hook that threw) at its start node. */
    public void failAtStart(long automationId, Throwable error) {
        recordFailure(automationId, -1, error, EngineClock.now());
    }

    /**
     * Completes a form task exactly once (DESIGN.md guarantee 5): under the automation's row lock the
     * task must still be open, so of two submissions racing each other the second finds it done. Stores
     * the bean as JSON under the node's name (a ModelForm saves its entity and stores the id under its
     * key) and {@code _<node>_validated}, then enters the next node; the caller runs the automation on.
     * Access has been checked by the caller.
     */
    public FormResult completeForm(long taskId, Object formBean, String username, Instant now) {
        List<Long> owner = em.createQuery("select t.automation.id from AutomationTaskModel t where t.id = :id",
                Long.class).setParameter("id", taskId).getResultList();
        if (owner.isEmpty()) {
            return FormResult.NOT_FOUND;
        }
        AutomationModel model = claim(owner.get(0), now, ClaimMode.WAIT);
        // Submitting claims the task (unless another person has): the row lock this takes makes a racing
        // claim or reassignment wait for this transaction (TaskClaims).
        int claimed = em.createQuery("update AutomationTaskModel t set t.claimedBy = :user where t.id = :id"
                + " and t.awaitsPerson = true and (t.claimedBy is null or t.claimedBy = :user)")
                .setParameter("user", username).setParameter("id", taskId).executeUpdate();
        // Read only now, under the lock: what another submission committed meanwhile is visible.
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (model == null || task == null) {
            return FormResult.NOT_FOUND; // killed meanwhile
        }
        if (task.getFinished() != null || model.isFinished()) {
            return FormResult.ALREADY_DONE;
        }
        if (claimed == 0 && task.isAwaitingPerson()) {
            return FormResult.CLAIMED; // by someone else, before or while this submission waited
        }
        Optional<AutomationDefinition> definition = registry.find(model.getAutomationClass());
        if (!task.isRequiresInteraction() || definition.isEmpty()) {
            return FormResult.NOT_FOUND;
        }
        Automation automation = factory.instance(definition.get().getType(), model);
        if (!(automation.getNode(task.getStatus()) instanceof Form form)) {
            return FormResult.NOT_FOUND;
        }
        StepRun run = stepRun(definition.get(), model, now, automation);
        task.attach(automation.data(), form);
        Data data = automation.data();
        if (form instanceof ModelForm modelForm) {
            data.put(modelForm.getKey(), models.save(automation, formBean));
        } else {
            data.put(form.getName(), formData(form, formBean));
        }
        Map<String, Object> validated = new LinkedHashMap<>();
        validated.put("user", username);
        validated.put("time", now.toString());
        data.put("_" + form.getName() + "_validated", validated);
        run.formSubmitted(task);
        audit.record(AuditAction.FORM_SUBMITTED, username, task, null); // who, which task, when: not the data
        return FormResult.COMPLETED;
    }

    /** Writes an automation's data at once (Automation.save() outside a step). */
    public AutomationModel saveData(long automationId, Data data) {
        return joined.saveData(automationId, data);
    }

    /** Deletes the automation and its tasks. */
    public void kill(long automationId) {
        joined.kill(automationId, context.getCallerPrincipal().getName());
    }

    /**
     * Re-runs the failed step of a FAILED automation as a new task at the same node. The history
     * records who did it: a finished task at the failed node between the failed task and the new one.
     */
    public void retry(long automationId, Instant now) {
        restart(automationId, now, true);
    }

    /** Continues a FAILED automation with the node after the failed one; recorded as {@link #retry} is. */
    public void skip(long automationId, Instant now) {
        restart(automationId, now, false);
    }

    /**
     * Moves a running or failed automation to a node of its class, under its row lock: its open tasks
     * end ("Moved to x by y"), the data keys given are set, and it continues at the node (the caller
     * advances it). Recorded in the history and the audit log. IllegalArgumentException for a node it
     * cannot move to, IllegalStateException for an automation that is gone, finished or undeployed.
     */
    public void move(long automationId, String node, Map<String, Object> data, Instant now) {
        AutomationModel model = claim(automationId, now, ClaimMode.WAIT);
        if (model == null || model.getStatus() == AutomationStatus.FINISHED) {
            throw new IllegalStateException("Automation " + automationId + " cannot move to '" + node + "': "
                    + (model == null ? "it does not exist" : "it has finished"));
        }
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElseThrow(
                () -> new IllegalStateException("Automation " + automationId + " has the undeployed class "
                        + model.getAutomationClass()));
        MoveTargets.refusal(definition, node).ifPresent(why -> {
            throw new IllegalArgumentException("Automation " + automationId + " cannot move: " + why);
        });
        String by = context.getCallerPrincipal().getName();
        StepRun run = stepRun(definition, model, now);
        List<String> from = run.openNodes();
        moveRun(definition, model, run, node, data, "Moved to " + node + " by " + by);
        audit.record(AuditAction.MOVE, by, model, node, "from " + (from.isEmpty() ? "no open task" : String.join(", ", from))
                + (data == null || data.isEmpty() ? "" : "; data set: " + String.join(", ", data.keySet())));
    }

    /**
     * One automation of a migration run, in the caller's transaction (the job's chunk, so that the
     * moves commit with the chunk's checkpoint and a restart never moves one twice): under its row
     * lock, the plan is applied to the nodes it waits at now. Returns what was decided; an automation
     * that has finished, moved on or is refused meanwhile is left as it is, one whose row a step holds
     * is "busy" (the job tries it again after the others).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public MigrationRules.Decision migrate(long automationId, MigrationPlan plan, String by, long run, Instant now) {
        // Never waits for a row: the chunk holds the rows it moved until it commits, and a step holding
        // this row may be waiting for one of them (a message or kill from inside the step).
        AutomationModel model = claim(automationId, now, ClaimMode.CONTINUE);
        if (model == null && em.createQuery("select count(a) from AutomationModel a where a.id = :id and a.finished = false",
                Long.class).setParameter("id", automationId).getSingleResult() > 0) {
            return MigrationRules.Decision.isBusy();
        }
        AutomationDefinition definition = model == null ? null : registry.find(model.getAutomationClass()).orElse(null);
        if (model == null || model.getStatus() == AutomationStatus.FINISHED || definition == null
                || !plan.className().equals(model.getAutomationClass())) {
            return MigrationRules.Decision.stays();
        }
        StepRun stepRun = stepRun(definition, model, now);
        MigrationRules.Decision decision = MigrationRules.decide(definition, plan, stepRun.openTasks());
        if (decision.alongPaths()) {
            setDataAndRun(definition, model, plan.data());
            stepRun.movePaths(decision.pathMoves(), "Migrated to {node} by " + by + " (migration run " + run + ")");
            stepRun.settle(null);
        } else if (decision.moves()) {
            moveRun(definition, model, stepRun, decision.to(), plan.data(),
                    "Migrated to " + decision.to() + " by " + by + " (migration run " + run + ")");
        }
        return decision;
    }

    /** Ends the run's open tasks with the message, sets the data keys and continues at the node. */
    private void moveRun(AutomationDefinition definition, AutomationModel model, StepRun run, String node,
            Map<String, Object> data, String message) {
        setDataAndRun(definition, model, data);
        run.moveTo(node, message);
        run.settle(null);
    }

    /** A moved automation: the data keys given are set, and it runs (again, if it had failed). */
    private static void setDataAndRun(AutomationDefinition definition, AutomationModel model, Map<String, Object> data) {
        if (data != null) {
            data.forEach((key, value) -> model.getData().put(key, JsonValues.copy("data." + key, value)));
        }
        model.setStatus(AutomationStatus.RUNNING);
        model.setUniqueKey(UniqueKeys.of(definition, model.getData()));
    }

    /** Runs a threaded Execute's code, after the step that passed it has committed. */
    public Throwable runThreaded(long automationId, long taskId) {
        AutomationModel model = claim(automationId, EngineClock.now(), ClaimMode.WAIT);
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (model == null || task == null) {
            return null;
        }
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElse(null);
        if (definition == null) {
            return null;
        }
        Automation automation = factory.instance(definition.getType(), model);
        Execute node = (Execute) automation.getNode(task.getStatus());
        task.attach(automation.data(), node);
        StepScope scope = StepScope.open(transactions, afterCommit);
        scope.hold(automationId, automation);
        try {
            task.setResultJson(JsonValues.writeResult(node.invoke(task)));
            model.storeData();
            return null;
        } catch (Exception | LinkageError e) {
            context.setRollbackOnly();
            return e;
        } finally {
            scope.release(automationId);
        }
    }

    /** Keeps a threaded step's error on its task (the automation has moved on and keeps running). */
    public void recordThreadedFailure(long taskId, Throwable error) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task != null) {
            task.setMessage(error.toString());
            task.setResultJson(JsonValues.write(Map.of("error", stackTrace(error))));
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    private void restart(long automationId, Instant now, boolean sameNode) {
        AutomationModel model = claim(automationId, now, ClaimMode.WAIT);
        if (model == null || model.getStatus() != AutomationStatus.FAILED) {
            throw new IllegalStateException("Automation " + automationId + " has not failed"
                    + (model == null ? " (it does not exist)" : " (it is " + model.getStatus() + ")"));
        }
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElseThrow(
                () -> new IllegalStateException("Automation " + automationId + " has the undeployed class "
                        + model.getAutomationClass()));
        List<AutomationTaskModel> failed = em.createQuery("select t from AutomationTaskModel t where t.automation = :a"
                + " and t.resultJson like '{\"error\"%' order by t.finished desc, t.id desc", AutomationTaskModel.class)
                .setParameter("a", model).setMaxResults(1).getResultList();
        if (failed.isEmpty()) {
            throw new IllegalStateException("Automation " + automationId + " has no failed task to restart from");
        }
        AutomationTaskModel failedTask = failed.get(0);
        Automation automation = factory.instance(definition.getType(), model);
        Node node = automation.getNode(failedTask.getStatus());
        if (node == null) {
            throw new IllegalStateException("Automation " + automationId + " failed at node '" + failedTask.getStatus()
                    + "', which " + definition.getClassName() + " no longer declares");
        }
        String next = sameNode ? node.getName() : definition.successor(node);
        if (next == null) {
            throw new IllegalStateException("Node '" + node.getName() + "' of " + definition.getClassName()
                    + " has no node after it to skip to");
        }
        model.setStatus(AutomationStatus.RUNNING);
        model.setUniqueKey(UniqueKeys.of(definition, model.getData()));
        AutomationTaskModel action = recordAction(model, failedTask, sameNode ? "retry" : "skip", now);
        StepRun run = stepRun(definition, model, now, automation);
        run.enter(next, action);
        run.settle(null);
    }

    /** An administrator's action as a finished task: message "Retried by x", result {action, by}. */
    private AutomationTaskModel recordAction(AutomationModel model, AutomationTaskModel failedTask, String action,
            Instant now) {
        String by = context.getCallerPrincipal().getName();
        AutomationTaskModel record = new AutomationTaskModel(model, failedTask, failedTask.getStatus(), now);
        record.setFinished(now);
        record.setMessage(("retry".equals(action) ? "Retried by " : "Skipped by ") + by);
        audit.record("retry".equals(action) ? AuditAction.RETRY : AuditAction.SKIP, by, model, failedTask.getStatus(), null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("action", action);
        result.put("by", by);
        record.setResultJson(JsonValues.write(result));
        em.persist(record);
        return record;
    }

    private StepRun stepRun(AutomationDefinition definition, AutomationModel model, Instant now) {
        return stepRun(definition, model, now, factory.instance(definition.getType(), model));
    }

    private StepRun stepRun(AutomationDefinition definition, AutomationModel model, Instant now, Automation automation) {
        List<AutomationTaskModel> open = em.createQuery("select t from AutomationTaskModel t where t.automation = :a"
                + " and t.finished is null order by t.id", AutomationTaskModel.class)
                .setParameter("a", model).getResultList();
        StepRun run = new StepRun(em, definition, model, automation, open, now, settings, this::afterCommitRunThreaded,
                messages, metrics, notifications);
        if (model.getStartNode() != null) {
            // Created without running (create(..., false), or inside a step): this first run starts it.
            run.enter(model.getStartNode(), null);
            model.setStartNode(null);
        }
        return run;
    }

    private AutomationModel claim(long automationId, Instant now, ClaimMode mode) {
        return AutomationRows.claim(em, automationId, now, mode);
    }

    private void afterCommitRunThreaded(AutomationTaskModel task) {
        long automationId = task.getAutomation().getId();
        StepExecutor self = context.getBusinessObject(StepExecutor.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    long taskId = task.getId();
                    executor.submit(() -> {
                        Throwable error = self.runThreaded(automationId, taskId);
                        if (error != null) {
                            self.recordThreadedFailure(taskId, error);
                        }
                    });
                }
            }
        });
    }

    /** The bean as a JSON object (through JSON-B, so dates become ISO-8601 strings). */
    private static Object formData(Form form, Object formBean) {
        Object data = JsonValues.parse(JsonValues.writeResult(formBean));
        if (!(data instanceof Map)) {
            throw new IllegalArgumentException(form.getAutomationClass().getName() + "." + form.getName()
                    + ": the form bean " + formBean.getClass().getName() + " cannot be written as a JSON object");
        }
        return data;
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
