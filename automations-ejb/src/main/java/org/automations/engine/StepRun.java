package org.automations.engine;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.automations.flow.Automation;
import org.automations.flow.Condition;
import org.automations.flow.Data;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Node;
import org.automations.flow.Repeat;
import org.automations.flow.SendMessage;
import org.automations.flow.Split;
import org.automations.json.JsonValues;
import org.automations.metrics.EngineMetrics;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.model.PooledIdGenerator;
import org.automations.notifications.TaskNotifications;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * One step of one claimed automation, inside the step's transaction: finds the first open task that
 * is ready and processes it (skip, wait, condition, then the node itself). Knows nothing about
 * transactions or locks; {@link StepExecutor} provides both.
 */
final class StepRun {

    private final EntityManager em;
    private final AutomationDefinition definition;
    private final AutomationModel model;
    private final Automation automation;
    private final Instant now;
    private final EngineSettings settings;
    private final List<AutomationTaskModel> open;
    private final List<AutomationTaskModel> created = new ArrayList<>();
    /** Tasks entered in this run and not persisted yet: written once, when finished or at settle. */
    private final List<AutomationTaskModel> pending = new ArrayList<>();
    private final Consumer<AutomationTaskModel> threadedSteps;
    private final MessageSender messages;
    private final EngineMetrics metrics;
    private final TaskNotifications notifications;
    private ExecuteGuard guard = ExecuteGuard.NONE;

    /** Decides whether an Execute step may run in this transaction, and times it. */
    interface ExecuteGuard {
        ExecuteGuard NONE = new ExecuteGuard() {
            @Override
            public RunningSteps.Step admit(Execute node, AutomationTaskModel task) {
                return null;
            }

            @Override
            public void finished(RunningSteps.Step step) {
            }
        };

        /** Throws {@link Deferred} when the step must run in another transaction; else starts its clock. */
        RunningSteps.Step admit(Execute node, AutomationTaskModel task);

        /** The step's code returned or threw; throws {@link StepTimedOut} when it ran past its limit. */
        void finished(RunningSteps.Step step);
    }

    /** The next step must run in a transaction of its own with this time limit; nothing of it ran. */
    static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Duration limit;
        final String node;

        Deferred(String node, Duration limit) {
            super(null, null, false, false);
            this.node = node;
            this.limit = limit;
        }
    }

    /** The step ran past its limit: the watchdog has recorded it and its transaction is rolled back. */
    static final class StepTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepTimedOut(RunningSteps.Step step) {
            super("Step " + step.getNode() + " of automation " + step.getAutomationId() + " returned after its time limit "
                    + step.getLimit() + "; its transaction was rolled back");
        }
    }

    StepRun(EntityManager em, AutomationDefinition definition, AutomationModel model, Automation automation,
            List<AutomationTaskModel> open, Instant now, EngineSettings settings,
            Consumer<AutomationTaskModel> threadedSteps, MessageSender messages, EngineMetrics metrics,
            TaskNotifications notifications) {
        this.em = em;
        this.definition = definition;
        this.model = model;
        this.automation = automation;
        this.open = new ArrayList<>(open);
        this.now = now;
        this.settings = settings;
        this.threadedSteps = threadedSteps;
        this.messages = messages;
        this.metrics = metrics;
        this.notifications = notifications;
    }

    void guard(ExecuteGuard guard) {
        this.guard = guard;
    }

    /** The automation object whose steps this run processes. */
    Automation automation() {
        return automation;
    }

    /** A node's code threw while processing the task. */
    static final class NodeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final long taskId;
        final String node;

        NodeFailure(AutomationTaskModel task, Throwable cause) {
            super(cause);
            this.taskId = task.getId();
            this.node = task.getStatus();
        }
    }

    /**
     * Processes the first ready open task, or reports that the automation waits. The automation's
     * row is not written here: the burst calls {@link #settle} once at its end.
     */
    StepOutcome processOne() throws NodeFailure {
        for (AutomationTaskModel task : List.copyOf(open)) {
            Node node = automation.getNode(task.getStatus());
            if (node == null) {
                continue; // the node was removed by a redeployment; the errors page lists such tasks
            }
            task.attach(automation.data(), node);
            StepOutcome outcome;
            try {
                outcome = process(task, node);
            } catch (Deferred | StepTimedOut e) {
                throw e;
            } catch (Exception | LinkageError e) {
                throw new NodeFailure(task, e);
            }
            if (outcome != null) {
                return outcome;
            }
        }
        return StepOutcome.of(StepOutcome.Kind.WAITING, stoppedAt());
    }

    /**
     * True when the next step may run code of the application: a condition, a wait function or the
     * node's own code at one of the open tasks. Only such a step needs a savepoint before it; the
     * engine's own nodes (End, Split, Join, Repeat, Form, a plain Execute) write only what it writes.
     */
    boolean mayRunApplicationCode() {
        for (AutomationTaskModel task : open) {
            Node node = automation.getNode(task.getStatus());
            if (node != null && !enginesOwn(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean enginesOwn(Node node) {
        boolean plain = node.getConditions().isEmpty() && node.getSkipConditions().isEmpty()
                && node.getWaitUntilFunction() == null && node.getWaitForFunction() == null;
        return plain && (node instanceof End || node instanceof Split || node instanceof Join || node instanceof Repeat
                || node instanceof Form form && !runsCode(form) || node instanceof Execute execute && !execute.runsCode());
    }

    /** A form whose due time, priority or overdue action is code of the application. */
    private static boolean runsCode(Form form) {
        return form.getDueInFunction() != null || form.getDueAtFunction() != null || form.getPriorityFunction() != null
                || form.getOnOverdueMethod() != null;
    }

    /** A deep copy of the automation's data (the snapshot before a step; cheaper than its JSON). */
    Data dataCopy() {
        return new Data(automation.data());
    }

    /** Creates the task of a node (the automation's first task, a retry, ...); its row is written later. */
    AutomationTaskModel enter(String nodeName, AutomationTaskModel previous) {
        AutomationTaskModel task = newTask(em, model, automation.getNode(nodeName), previous, now, settings, false);
        open.add(task);
        created.add(task);
        pending.add(task);
        return task;
    }

    /**
     * An administrator's move: every open task ends with the message (a form's too), and the
     * automation continues at the node, entered after the last of them.
     */
    List<String> openNodes() {
        return open.stream().map(AutomationTaskModel::getStatus).toList();
    }

    List<AutomationTaskModel> openTasks() {
        return List.copyOf(open);
    }

    /**
     * A migration along a Split's paths: each given task ends with the message and its path goes on at
     * the node given for it, from that task (so the Join still counts the path); other tasks stay.
     */
    void movePaths(Map<Long, String> targets, String message) {
        for (AutomationTaskModel task : List.copyOf(open)) {
            String node = targets.get(task.getId());
            if (node != null) {
                task.setFinished(now);
                task.setMessage(message.replace("{node}", node));
                open.remove(task);
                enter(node, task);
            }
        }
    }

    AutomationTaskModel moveTo(String node, String message) {
        AutomationTaskModel last = null;
        for (AutomationTaskModel task : List.copyOf(open)) {
            task.setFinished(now);
            task.setMessage(message);
            open.remove(task);
            last = task;
        }
        return enter(node, last);
    }

    /** A task made (not persisted) by the caller for this run: written like the ones it enters. */
    void adoptPending(AutomationTaskModel task) {
        pending.add(task);
    }

    /** The state of the unwritten tasks, to put back when a step fails (see {@link #restorePending}). */
    List<PendingTask> pendingState() {
        return pending.stream().map(PendingTask::of).toList();
    }

    /**
     * After a failed step was rolled back (persistence context cleared): the tasks that were not
     * written before it get their state back and are persisted, so the failure can be recorded on them.
     */
    static void restorePending(EntityManager em, List<PendingTask> state) {
        for (PendingTask saved : state) {
            saved.restore();
            em.persist(saved.task());
        }
    }

    /**
     * What a step may change on a task that waits to be written. {@code requiresInteraction} too: a form
     * that started waiting in a step that was rolled back starts waiting again when it is processed
     * next, so that its due time, priority and notification (dropped with the step) come again.
     */
    record PendingTask(AutomationTaskModel task, Instant finished, String message, String resultJson, Instant due,
            boolean requiresInteraction) {
        static PendingTask of(AutomationTaskModel task) {
            return new PendingTask(task, task.getFinished(), task.getMessage(), task.getResultJson(), task.getDue(),
                    task.isRequiresInteraction());
        }

        void restore() {
            task.setFinished(finished);
            task.setMessage(message);
            task.setResultJson(resultJson);
            task.setDue(due);
            task.setRequiresInteraction(requiresInteraction);
        }
    }

    /** A person submitted the task's form (its data is in place): the task is done, the automation moves on. */
    StepOutcome formSubmitted(AutomationTaskModel task) {
        leave(task, "OK", definition.successor(automation.getNode(task.getStatus())));
        return settle(progressed());
    }

    /**
     * A new task at a node; constant waits and Repeat schedules are stored as its due time.
     *
     * @param persist true to persist it now; false gives it its id only (the caller persists it later)
     */
    static AutomationTaskModel newTask(EntityManager em, AutomationModel model, Node node, AutomationTaskModel previous,
            Instant now, EngineSettings settings, boolean persist) {
        AutomationTaskModel task = new AutomationTaskModel(model, previous, node.getName(), now);
        if (node.getWaitUntil() != null) {
            task.setDue(node.getWaitUntil());
        } else if (node.getWaitFor() != null) {
            task.setDue(now.plus(node.getWaitFor()));
        } else if (node instanceof Repeat repeat) {
            task.setDue(RepeatSchedule.nextStart(repeat, previousRestart(em, model, node.getName()), now,
                    settings.timeZone()));
        }
        if (persist) {
            em.persist(task);
        } else {
            task.assignId(PooledIdGenerator.nextId(em.unwrap(SharedSessionContractImplementor.class), PooledIdGenerator.TASKS));
        }
        return task;
    }

    /** Writes data and the wake-up time after the step (also after a step that only waited). */
    StepOutcome settle(StepOutcome outcome) {
        for (AutomationTaskModel task : pending) {
            em.persist(task);
        }
        pending.clear();
        model.storeData();
        model.setUpdated(EngineClock.now());
        model.setRunVersion(definition.getVersion());
        if (model.getStatus() == AutomationStatus.RUNNING) {
            model.setNextRun(WakeTime.nextRun(automation, open, created, now, settings.pollInterval()));
            model.setPausedUntil(WakeTime.pausedUntil(open, now));
        } else {
            model.setNextRun(null);
            model.setPausedUntil(null);
        }
        return outcome;
    }

    // ---- one task ---------------------------------------------------------------------------

    /** Processes the task; null when it is not ready. */
    private StepOutcome process(AutomationTaskModel task, Node node) throws Exception {
        if (shouldSkip(node, task)) {
            leave(task, "skipped", definition.successor(node));
            return progressed();
        }
        Instant due = due(node, task);
        if (due != null && now.isBefore(due) || awaitsMessage(node, task) || !conditionsHold(node, task)) {
            return null;
        }
        if (node instanceof Execute execute) {
            return execute(execute, task);
        }
        if (node instanceof If conditional) {
            return decide(conditional, task);
        }
        if (node instanceof Split split) {
            finish(task, "OK");
            for (String path : split.getPaths()) {
                enter(path, task);
            }
            return progressed();
        }
        if (node instanceof Join) {
            return join(task, node);
        }
        if (node instanceof Repeat repeat) {
            leave(task, "OK", definition.successor(node));
            // Without an interval the loop would spin within one run: it restarts on the next run instead.
            return repeat.getInterval() == null ? StepOutcome.of(StepOutcome.Kind.PAUSED, stoppedAt()) : progressed();
        }
        if (node instanceof End) {
            finish(task, "OK");
            model.setStatus(AutomationStatus.FINISHED);
            model.setUniqueKey(null);
            metrics.finished(definition.getClassName());
            return StepOutcome.of(StepOutcome.Kind.FINISHED, null).afterProgress();
        }
        if (node instanceof Form form) {
            awaitPerson(form, task);
            return overdue(form, task);
        }
        if (node instanceof SendMessage send) {
            List<Object> results = messages.send(send, task);
            task.setResultJson(JsonValues.writeResult(Map.of("results", results)));
            leave(task, "OK", definition.successor(node));
            return progressed();
        }
        throw new IllegalStateException("The engine does not know how to run a " + node.getClass().getName());
    }

    private boolean shouldSkip(Node node, AutomationTaskModel task) throws Exception {
        if (node.isSkipAlways()) {
            return true;
        }
        if (node.getSkipAfter() != null && !now.isBefore(task.getCreated().plus(node.getSkipAfter()))) {
            return true;
        }
        for (Condition condition : node.getSkipConditions()) {
            if (condition.test(task)) {
                return true;
            }
        }
        return false;
    }

    /** The task's not-before time; a wait function is evaluated once and its result stored. */
    private Instant due(Node node, AutomationTaskModel task) throws Exception {
        if (task.getDue() != null || !node.hasWait()) {
            return task.getDue();
        }
        Instant due;
        if (node.getWaitUntilFunction() != null) {
            due = node.getWaitUntilFunction().at(task);
            if (due == null) {
                throw new IllegalStateException(where(node) + ": the afterWaitingUntil function returned null");
            }
        } else {
            Duration duration = node.getWaitForFunction().of(task);
            if (duration == null) {
                throw new IllegalStateException(where(node) + ": the afterWaitingFor function returned null");
            }
            due = task.getCreated().plus(duration);
        }
        task.setDue(due);
        return due;
    }

    /** True while the node waits for a message that has not been delivered since the task began. */
    private static boolean awaitsMessage(Node node, AutomationTaskModel task) {
        return node.getAwaitedMessage() != null && task.getMessageReceived() == null;
    }

    private boolean conditionsHold(Node node, AutomationTaskModel task) throws Exception {
        if (node.isBlockedForever()) {
            return false;
        }
        for (Condition condition : node.getConditions()) {
            if (!condition.test(task)) {
                return false;
            }
        }
        return true;
    }

    private StepOutcome execute(Execute execute, AutomationTaskModel task) throws Exception {
        if (execute.isThreaded()) {
            leave(task, "OK", definition.successor(execute));
            threadedSteps.accept(task);
            return progressed();
        }
        // A plain Execute runs no code of the application: nothing to limit or defer.
        RunningSteps.Step timing = execute.runsCode() ? guard.admit(execute, task) : null;
        Object result;
        try {
            result = execute.invoke(task);
        } finally {
            guard.finished(timing);
        }
        task.setResultJson(JsonValues.writeResult(result));
        leave(task, "OK", definition.successor(execute));
        return progressed();
    }

    private StepOutcome decide(If conditional, AutomationTaskModel task) throws Exception {
        boolean holds = conditional.getCondition().test(task);
        If.Branch branch = holds ? conditional.getThen() : conditional.getOtherwise();
        String next = definition.successor(conditional);
        if (branch != null && branch.node() != null) {
            next = branch.node();
        } else if (branch != null) {
            task.setResultJson(JsonValues.writeResult(branch.method().run(task)));
        }
        leave(task, holds ? "True" : "False", next);
        return progressed();
    }

    private StepOutcome join(AutomationTaskModel task, Node node) {
        String split = definition.splitOf(node.getName());
        List<AutomationTaskModel> arrived = new ArrayList<>();
        if (split == null) {
            arrived.add(task);
        } else {
            Long splitTask = splitTaskOf(task, split);
            for (AutomationTaskModel other : open) {
                if (other.getStatus().equals(node.getName()) && Objects.equals(splitTaskOf(other, split), splitTask)) {
                    arrived.add(other);
                }
            }
        }
        if (arrived.size() < definition.pathsOf(node.getName())) {
            return null;
        }
        for (AutomationTaskModel other : arrived) {
            if (other != task) {
                finish(other, "joined");
            }
        }
        leave(task, "OK", definition.successor(node));
        return progressed();
    }

    /** The id of the Split task a path task descends from; remembered in the join task's result. */
    private Long splitTaskOf(AutomationTaskModel task, String split) {
        Object stored = task.getResult();
        if (stored instanceof Map<?, ?> map && map.get("split_task") instanceof Number id) {
            return id.longValue();
        }
        for (AutomationTaskModel ancestor = task.getPrevious(); ancestor != null; ancestor = ancestor.getPrevious()) {
            if (ancestor.getStatus().equals(split)) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("split_task", ancestor.getId());
                task.setResultJson(JsonValues.write(result));
                return ancestor.getId();
            }
        }
        return null;
    }

    /** The first time: the task starts waiting for a person, with its due time and priority. */
    private void awaitPerson(Form form, AutomationTaskModel task) throws Exception {
        if (!task.isRequiresInteraction()) {
            task.setRequiresInteraction(true);
            task.setInteractionUser(form.getUser());
            task.setInteractionGroup(form.getGroup());
            task.setInteractionPermissions(form.getPermissions());
            task.setDeadline(deadline(form, task));
            task.setPriority(form.getPriorityFunction() == null ? form.getPriority() : form.getPriorityFunction().of(task));
            notifications.taskWaiting(task);
        }
    }

    /** Form.dueIn/dueAt, evaluated once, from now (when the task starts waiting for a person). */
    private Instant deadline(Form form, AutomationTaskModel task) throws Exception {
        if (form.getDueIn() != null) {
            return now.plus(form.getDueIn());
        }
        if (form.getDueInFunction() != null) {
            Duration duration = form.getDueInFunction().of(task);
            if (duration == null) {
                throw new IllegalStateException(where(form) + ": the .dueIn() function returned null");
            }
            return now.plus(duration);
        }
        if (form.getDueAtFunction() != null) {
            Instant at = form.getDueAtFunction().at(task);
            if (at == null) {
                throw new IllegalStateException(where(form) + ": the .dueAt() function returned null");
            }
            return at;
        }
        return null;
    }

    /**
     * The task's overdue moment, once: notifies, then either ends the task ("overdue") and continues at
     * the {@code onOverdue} node, or runs the {@code onOverdue} method and keeps the task open.
     */
    private StepOutcome overdue(Form form, AutomationTaskModel task) throws Exception {
        if (task.getDeadline() == null || task.isOverdueHandled() || now.isBefore(task.getDeadline())) {
            return null;
        }
        task.setOverdueHandled(true);
        notifications.taskOverdue(task);
        if (form.getOnOverdueNode() != null) {
            leave(task, "overdue", form.getOnOverdueNode());
            return progressed();
        }
        if (form.getOnOverdueMethod() != null) {
            form.getOnOverdueMethod().run(task);
        }
        return null; // still waiting for a person; settle stores what changed and the next wake time
    }

    // ---- bookkeeping ------------------------------------------------------------------------------

    private void leave(AutomationTaskModel task, String message, String next) {
        finish(task, message);
        if (next == null) {
            throw new IllegalStateException(where(automation.getNode(task.getStatus()))
                    + ": the automation fell off its end (no next node)");
        }
        enter(next, task);
    }

    private void finish(AutomationTaskModel task, String message) {
        task.setFinished(now);
        task.setMessage(message);
        open.remove(task);
        // Counted when the transaction commits; a step rolled back to its savepoint drops it (EngineMetrics).
        metrics.stepExecuted(definition.getClassName(), task.getStatus());
        // A task entered in this burst stays pending even when finished: all are inserted at settle
        // (one JDBC batch), so the savepoints between the steps find nothing of the engine's to flush.
    }

    private StepOutcome progressed() {
        return StepOutcome.of(StepOutcome.Kind.PROGRESSED, stoppedAt());
    }

    private String stoppedAt() {
        return open.isEmpty() ? null : open.get(0).getStatus();
    }

    /**
     * The due time of the Repeat's last finished task. It was entered in an earlier burst, so this
     * query sees it: a Repeat task waits for its interval and is never entered and finished in one
     * burst (only a skipped one is, and then an older one sets the same rhythm).
     */
    private static Instant previousRestart(EntityManager em, AutomationModel model, String repeatNode) {
        List<Instant> dues = em.createQuery("select t.due from AutomationTaskModel t where t.automation = :a"
                + " and t.status = :node and t.finished is not null order by t.id desc", Instant.class)
                .setParameter("a", model)
                .setParameter("node", repeatNode)
                .setMaxResults(1)
                .getResultList();
        return dues.isEmpty() ? null : dues.get(0);
    }

    private String where(Node node) {
        return definition.getClassName() + "." + (node == null ? "?" : node.getName());
    }
}
