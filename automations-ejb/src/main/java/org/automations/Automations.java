package org.automations;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationFactory;
import org.automations.engine.AutomationRegistry;
import org.automations.engine.MoveTargets;
import org.automations.engine.BoundModels;
import org.automations.engine.EngineClock;
import org.automations.engine.EngineSettings;
import org.automations.engine.HistoryStore;
import org.automations.engine.MessageDispatcher;
import org.automations.engine.OpenTasks;
import org.automations.engine.TaskSummaries;
import org.automations.engine.StepEngine;
import org.automations.engine.StepExecutor;
import org.automations.engine.StepOutcome;
import org.automations.engine.StepScope;
import org.automations.engine.StepTransactions;
import org.automations.engine.JoinedWrites;
import org.automations.engine.TaskClaims;
import org.automations.engine.TaskForms;
import org.automations.engine.UniqueKeys;
import org.automations.flow.Automation;
import org.automations.flow.AutomationBinding;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.Data;
import org.automations.flow.Form;
import org.automations.flow.Node;
import org.automations.i18n.Labels;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.versions.DeclarationChanges;
import org.automations.versions.DefinitionVersions;
import org.automations.versions.InstanceGroup;
import org.automations.versions.InstanceMigrations;
import org.automations.versions.MigrationDryRun;
import org.automations.versions.MigrationExecution;
import org.automations.security.RealmUsers;
import org.automations.security.TaskAccess;
import org.automations.security.TaskUser;

/**
 * The service applications use: create and find automations, send messages, run the tick by hand,
 * clean up history (the seed's class methods). Methods run outside the caller's transaction: every
 * step commits on its own.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Automations {

    private static final int HISTORY_BATCH = 1000;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    DefinitionVersions versions;

    @Inject
    InstanceMigrations migrations;

    @Inject
    AutomationFactory factory;

    @Inject
    StepEngine engine;

    @Inject
    StepExecutor executor;

    @Inject
    MessageDispatcher messages;

    @Inject
    HistoryStore history;

    @Inject
    BoundModels models;

    @Inject
    EngineSettings settings;

    @Inject
    OpenTasks openTasks;

    @Inject
    TaskForms taskForms;

    @Inject
    RealmUsers users;

    @Inject
    TaskAccess access;

    @Inject
    Validator validator;

    @Inject
    JoinedWrites joined;

    @Inject
    StepTransactions stepTransactions;

    @Inject
    TaskClaims claims;

    @Resource
    TransactionSynchronizationRegistry transactions;

    // ---- creating and finding -------------------------------------------------------------------

    /** Creates an instance with the parameters as its data and runs it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <A extends Automation> A create(Class<A> type, Map<String, ?> params) {
        return create(type, params, true);
    }

    /**
     * Creates an instance (for a {@code @Unique} class: returns the unfinished instance with the same
     * key if there is one). Parameters must be JSON values; anything else is refused before anything
     * is written. Without autorun it has no task yet: it is due at once, and the next tick or its
     * {@code run()} starts it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <A extends Automation> A create(Class<A> type, Map<String, ?> params, boolean autorun) {
        return create(type, params, autorun, null);
    }


    /**
     * As {@link #create(Class, Map, boolean)}, starting at the given node (null: the first). Called
     * from inside a step or a receiver, the new automation is written in that transaction (a step that
     * throws takes it with it, so a retried step creates it once) and starts once it has committed.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <A extends Automation> A create(Class<A> type, Map<String, ?> params, boolean autorun, String startNode) {
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            return createInStep(scope, type, params, autorun, startNode);
        }
        if (!autorun) {
            return createHeld(type, params, startNode, true);
        }
        Prepared<A> prepared = prepare(type, params, startNode);
        if (prepared.existing() != null) {
            prepared.automation().run();
            return prepared.automation();
        }
        StepExecutor.Created created;
        try {
            created = stepTransactions.withinStepLimit(settings.stepTimeout(), () -> executor.createAndRun(prepared.definition(),
                    prepared.automation(), prepared.data(), prepared.uniqueKey(), startNode, EngineClock.now(),
                    settings.stepsPerTransaction()));
        } catch (EJBException e) {
            return runningWithKey(prepared.uniqueKey()).map(m -> factory.attach(prepared.automation(), m))
                    .orElseThrow(() -> e);
        }
        if (created.outcome().kind() == StepOutcome.Kind.RETRY_STEPWISE) {
            // A step rolled the first transaction back, creation included: create, then go step by step.
            A automation = createHeld(type, params, startNode, true);
            engine.advanceStepwise(automation.getId(), EngineClock.now());
            return factory.attach(automation, em.find(AutomationModel.class, automation.getId()));
        }
        A automation = factory.attach(prepared.automation(), created.model());
        if (created.outcome().kind() == StepOutcome.Kind.PROGRESSED
                || created.outcome().kind() == StepOutcome.Kind.DEFERRED) {
            automation.run(); // more steps than one transaction takes, or a step that needs one of its own
        }
        return automation;
    }

    /** Creation inside a step or receiver: in its transaction, started (with autorun) once it commits. */
    private <A extends Automation> A createInStep(StepScope scope, Class<A> type, Map<String, ?> params,
            boolean autorun, String startNode) {
        Prepared<A> prepared = prepare(type, params, startNode);
        if (prepared.existing() == null) {
            factory.attach(prepared.automation(), joined.create(prepared.definition(), prepared.data(),
                    prepared.uniqueKey(), startNode, true, EngineClock.now()));
        }
        if (autorun) {
            scope.advanceAfterCommit(prepared.automation().getId());
        }
        return prepared.automation();
    }

    /**
     * Creates an instance without running it. With {@code forTheTick} false it is also left alone by
     * the tick until the caller runs it (used when a message or event must reach it first).
     */
    <A extends Automation> A createHeld(Class<A> type, Map<String, ?> params, String startNode, boolean forTheTick) {
        Prepared<A> prepared = prepare(type, params, startNode);
        if (prepared.existing() != null) {
            return prepared.automation();
        }
        AutomationModel model;
        try {
            model = executor.create(prepared.definition(), prepared.data(), prepared.uniqueKey(), startNode, !forTheTick,
                    EngineClock.now());
        } catch (EJBException e) {
            // Another thread created the unique instance first: hand out that one.
            return runningWithKey(prepared.uniqueKey()).map(m -> factory.attach(prepared.automation(), m))
                    .orElseThrow(() -> e);
        }
        return factory.attach(prepared.automation(), model);
    }

    /** A checked creation request: the instance (attached when a unique one exists), its data and key. */
    private record Prepared<A extends Automation>(AutomationDefinition definition, A automation, Data data,
            String uniqueKey, AutomationModel existing) {
    }

    private <A extends Automation> Prepared<A> prepare(Class<A> type, Map<String, ?> params, String startNode) {
        AutomationDefinition definition = registry.require(type);
        if (startNode != null && !definition.getNodeNames().contains(startNode)) {
            throw new IllegalArgumentException(type.getName() + " has no node '" + startNode + "' to start at");
        }
        A automation = factory.unattached(type);
        Data data = models.toData(automation, params);
        String uniqueKey = UniqueKeys.of(definition, data);
        AutomationModel existing = runningWithKey(uniqueKey).orElse(null);
        if (existing != null) {
            factory.attach(automation, existing);
        }
        return new Prepared<>(definition, automation, data, uniqueKey, existing);
    }

    /**
     * For a {@code @Unique} class: the unfinished instance that {@code create} with these parameters
     * would hand out instead of creating one; empty otherwise (also for classes that are not unique).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Automation> findUnique(Class<? extends Automation> type, Map<String, ?> params) {
        AutomationDefinition definition = registry.require(type);
        if (!definition.isUnique()) {
            return Optional.empty();
        }
        String uniqueKey = UniqueKeys.of(definition, models.toData(factory.unattached(type), params));
        return runningWithKey(uniqueKey).map(factory::instanceOf);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <A extends Automation> Optional<A> find(Class<A> type, long id) {
        AutomationModel model = em.find(AutomationModel.class, id);
        if (model == null || !model.getAutomationClass().equals(type.getName())) {
            return Optional.empty();
        }
        return Optional.of(factory.instance(type, model));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Automation> find(long id) {
        return Optional.ofNullable(em.find(AutomationModel.class, id)).map(factory::instanceOf);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Automation> findByKey(String key) {
        return em.createQuery("select a from AutomationModel a where a.automationKey = :key", AutomationModel.class)
                .setParameter("key", key).getResultStream().findFirst().map(factory::instanceOf);
    }

    // ---- messages ---------------------------------------------------------------------------------

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Object dispatchMessage(Class<? extends Automation> type, long id, String message, String token,
            Map<String, Object> data) {
        return find(type, id).map(a -> messages.dispatch(a.getId(), message, token, data)).orElse(null);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Object dispatchMessage(Class<? extends Automation> type, String key, String message, String token,
            Map<String, Object> data) {
        return findByKey(key).filter(a -> a.getAutomationClassName().equals(type.getName()))
                .map(a -> messages.dispatch(a.getId(), message, token, data)).orElse(null);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Object> broadcastMessage(Class<? extends Automation> type, String message, String token,
            Map<String, Object> data) {
        return messages.broadcast(type, message, token, data);
    }

    /**
     * Creates an instance (unique parameters taken from the data), delivers the message, then runs it.
     * Inside a step or receiver all three take part in its transaction (the run after its commit).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <A extends Automation> A createOnMessage(Class<A> type, String message, String token, Map<String, Object> data) {
        AutomationDefinition definition = registry.require(type);
        if (!definition.getReceivers().satisfied(message, data)) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> unique = definition.getUniqueFields();
        if (unique != null) {
            unique.forEach(field -> params.put(field, data.get(field)));
        }
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            A automation = createInStep(scope, type, params, true, null);
            messages.dispatch(automation.getId(), message, token, data);
            return automation;
        }
        A automation = createHeld(type, params, null, false);
        messages.dispatch(automation.getId(), message, token, data);
        automation.run();
        return automation;
    }

    /**
     * What a {@code @StartOn} event does: creates an instance (held from the tick), calls its
     * {@code startedByEvent} hook, then runs it. A failing hook fails the automation; nothing is thrown.
     */
    public Automation startOnEvent(Class<? extends Automation> type, String startNode, Object event) {
        Automation automation = createHeld(type, Map.of(), startNode == null || startNode.isEmpty() ? null : startNode, false);
        try {
            AutomationBinding.startedByEvent(automation, event);
        } catch (RuntimeException e) {
            executor.failAtStart(automation.getId(), e);
            return automation;
        }
        automation.run();
        return automation;
    }

    public boolean satisfiesDataRequirements(Class<? extends Automation> type, String message, Map<String, Object> data) {
        return registry.require(type).getReceivers().satisfied(message, data);
    }

    // ---- the deployment ------------------------------------------------------------------------------

    public List<AutomationInfo> getAutomations() {
        return registry.all().stream()
                .map(d -> new AutomationInfo(d.getClassName(), Automation.verboseNameOf(d.getType())))
                .toList();
    }

    public List<AutomationInfo> getAutomations(String packageName) {
        String prefix = packageName.endsWith(".") ? packageName : packageName + ".";
        return getAutomations().stream().filter(info -> info.className().startsWith(prefix)).toList();
    }

    /** Runs the deployment-time checks on demand; throws AutomationDefinitionException naming class, node, problem. */
    public void validate(Class<? extends Automation> type) throws AutomationDefinitionException {
        AutomationDefinition.of(type);
    }

    // ---- the tick and history ------------------------------------------------------------------------

    /** Advances every due automation; returns how many advanced. */
    public int run() {
        return run(EngineClock.now());
    }

    /** As {@link #run()}, evaluating waits at {@code now} and stamping new tasks with it. */
    public int run(Instant now) {
        return engine.runDue(now, true);
    }

    /**
     * Deletes finished automations last updated more than {@code days} days ago, with their tasks: the
     * seed's {@code delete_history(days)}, so FAILED automations go too (they are finished). The
     * history-cleanup batch job, by contrast, keeps failed ones unless its parameter includeFailed says
     * otherwise.
     */
    public DeleteResult deleteHistory(int days) {
        Instant cutoff = EngineClock.now().minus(Duration.ofDays(days));
        long automations = 0;
        long tasks = 0;
        long lastId = 0;
        while (true) {
            // Keyset paging: rows the engine holds right now are skipped, never looked at again here.
            HistoryStore.Batch batch = history.deleteFinishedBefore(cutoff, lastId, HISTORY_BATCH);
            automations += batch.deleted().automations();
            tasks += batch.deleted().tasks();
            lastId = batch.lastId();
            if (batch.examined() < HISTORY_BATCH) {
                break;
            }
        }
        Map<String, Long> perModel = new LinkedHashMap<>();
        perModel.put("AutomationModel", automations);
        perModel.put("AutomationTaskModel", tasks);
        return new DeleteResult(automations + tasks, perModel);
    }

    // ---- administration --------------------------------------------------------------------------------

    /** The tasks of an automation, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getTasks(long automationId) {
        return em.createQuery("select t from AutomationTaskModel t join fetch t.automation left join fetch t.previous"
                + " where t.automation.id = :id order by t.id", AutomationTaskModel.class)
                .setParameter("id", automationId).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AutomationModel> getModel(long automationId) {
        return Optional.ofNullable(em.find(AutomationModel.class, automationId));
    }

    /** Re-runs the failed step as a new task and continues; IllegalStateException unless the automation failed. */
    public void retry(long automationId) {
        executor.retry(automationId, EngineClock.now());
        engine.advance(automationId, EngineClock.now(), false);
    }

    /**
     * Moves a running or failed automation to a node of its class (an administrator's repair, or a
     * migration after the class changed): its open tasks end with "Moved to node by user", the given
     * data keys are set (null or empty: none), and it continues at the node at once. Done under the
     * automation's row lock, so a tick at the same time runs it once, from the new node. Recorded in
     * the history and the audit log. IllegalArgumentException for a node the class does not declare or
     * one on a Split's path; IllegalStateException for an automation that is gone or finished.
     */
    public void moveTo(long automationId, String node, Map<String, ?> data) {
        executor.move(automationId, node, data == null ? Map.of() : new LinkedHashMap<>(data), EngineClock.now());
        engine.advance(automationId, EngineClock.now(), false);
    }

    /** The nodes of the class an automation may be moved to (see {@link #moveTo}); empty if it is not deployed. */
    public List<String> getMoveTargets(String className) {
        return registry.find(className).map(definition -> definition.getNodeNames().stream()
                .filter(node -> MoveTargets.refusal(definition, node).isEmpty()).toList()).orElse(List.of());
    }

    /** Continues a failed automation with the node after the failed one. */
    public void skip(long automationId) {
        executor.skip(automationId, EngineClock.now());
        engine.advance(automationId, EngineClock.now(), false);
    }

    /** The most recently created automations, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationModel> getLatest(int max) {
        return em.createQuery("select a from AutomationModel a order by a.id desc", AutomationModel.class)
                .setMaxResults(max).getResultList();
    }

    /** How many automations of each class are in each status. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Map<AutomationStatus, Long>> countByClassAndStatus() {
        Map<String, Map<AutomationStatus, Long>> counts = new LinkedHashMap<>();
        em.createQuery("select a.automationClass, a.status, count(a) from AutomationModel a"
                + " group by a.automationClass, a.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], c -> new EnumMap<>(AutomationStatus.class))
                        .put((AutomationStatus) row[1], (Long) row[2]));
        return counts;
    }

    /** For each of the automations, the node names where it waits now (one query for all of them). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, List<String>> getWaitingAt(Collection<Long> automationIds) {
        Map<Long, List<String>> waiting = new LinkedHashMap<>();
        if (automationIds.isEmpty()) {
            return waiting;
        }
        em.createQuery("select t.automation.id, t.status from AutomationTaskModel t where t.automation.id in :ids"
                + " and t.finished is null order by t.id", Object[].class)
                .setParameter("ids", automationIds).getResultList()
                .forEach(row -> waiting.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return waiting;
    }

    /** The node names where an automation waits now (its open tasks). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> getWaitingAt(long automationId) {
        return em.createQuery("select t.status from AutomationTaskModel t where t.automation.id = :id"
                + " and t.finished is null order by t.id", String.class)
                .setParameter("id", automationId).getResultList();
    }

    // ---- definition versions --------------------------------------------------------------------------

    /** The version of the deployed declaration of the class (12 hex digits), empty if it is not deployed. */
    public Optional<String> getDefinitionVersion(String className) {
        return registry.find(className).map(AutomationDefinition::getVersion);
    }

    /**
     * What changed in the class's declaration since the version the automation last ran with (or,
     * before its first step, started with): nodes added, removed and changed. Empty when the automation
     * does not exist, its class is no longer deployed, or it started before versions were recorded.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DeclarationChanges> getDeclarationChanges(long automationId) {
        AutomationModel model = em.find(AutomationModel.class, automationId);
        if (model == null) {
            return Optional.empty();
        }
        String version = model.getRunVersion() != null ? model.getRunVersion() : model.getStartedVersion();
        return versions.changesSince(model.getAutomationClass(), version);
    }

    // ---- migration of running automations (issue 15) ---------------------------------------------------

    /** The nodes the class declares, in declaration order (what a migration plan may continue at); empty if it is not deployed. */
    public List<String> getNodeNames(String className) {
        return registry.find(className).map(AutomationDefinition::getNodeNames).orElse(List.of());
    }

    /** The class's running automations grouped by the version they last ran with and the node they wait at. */
    public List<InstanceGroup> getInstanceGroups(String className) {
        return migrations.groups(className);
    }

    /**
     * What the plan would do to each running automation of its class, changing nothing: it moves,
     * stays, or is refused; and why the plan as a whole may not run ({@link MigrationDryRun#reasons}).
     */
    public MigrationDryRun dryRunMigration(MigrationPlan plan) {
        return migrations.dryRun(plan);
    }

    /**
     * Starts the instance-migration batch job for the plan, 100 automations per transaction; returns
     * its execution id. The plan is dry-run first: IllegalArgumentException with every reason when it
     * may not run. Each automation moves under its row lock while the engine keeps running, records
     * the move in its history ("Migrated to x by y (migration run n)"), and the run goes to the audit log.
     */
    public long startMigration(MigrationPlan plan) {
        return migrations.start(plan, null);
    }

    /** As {@link #startMigration(MigrationPlan)} with {@code chunkSize} automations per transaction. */
    public long startMigration(MigrationPlan plan, int chunkSize) {
        return migrations.start(plan, chunkSize);
    }

    /** An execution of the instance-migration job with its plan and progress; empty when there is none with that id. */
    public Optional<MigrationExecution> getMigration(long executionId) {
        return migrations.execution(executionId);
    }

    /** The newest executions of the instance-migration job, newest first. */
    public List<MigrationExecution> getMigrations(int max) {
        return migrations.executions(max);
    }

    // ---- human tasks (forms) -----------------------------------------------------------------------------

    /**
     * The open tasks the user may process (assigned to them, to one of their groups, or needing only
     * permissions they hold; every open task for a superuser), newest first. The user's roles come
     * from the container's security realm.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks(String username) {
        return openTasks.page(users.byName(username), 0, 0);
    }

    /** {@link #getOpenTasks(String)} for the caller (empty when not logged in). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks() {
        return openTasks.page(users.caller(), 0, 0);
    }

    /** One page of the caller's open tasks, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks(int first, int max) {
        return openTasks.page(users.caller(), first, max);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countOpenTasks() {
        return openTasks.count(users.caller());
    }

    /** One page of the open tasks of a user given with their roles (for projects with their own user store). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks(TaskUser user, int first, int max) {
        return openTasks.page(user, first, max);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countOpenTasks(TaskUser user) {
        return openTasks.count(user);
    }

    /** One page of a user's open tasks of one automation class ({@code className} null: of every class), newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks(TaskUser user, String className, int first, int max) {
        return openTasks.page(user, className, first, max);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countOpenTasks(TaskUser user, String className) {
        return openTasks.count(user, className);
    }

    /**
     * One page of a user's open tasks narrowed and ordered by the query: a class, a scope (assigned to
     * them, their groups, claimed by them), overdue only, a search text; newest, oldest, due or
     * priority first. All of it in the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationTaskModel> getOpenTasks(TaskUser user, TaskQuery query, int first, int max) {
        return openTasks.page(user, query, first, max);
    }

    /** The count of {@link #getOpenTasks(TaskUser, TaskQuery, int, int)}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countOpenTasks(TaskUser user, TaskQuery query) {
        return openTasks.count(user, query);
    }

    /** The deployed classes that have a form (what a task list can be narrowed to), by class name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AutomationInfo> getAutomationsWithTasks() {
        return registry.all().stream()
                .filter(d -> d.getPrototypeNodes().values().stream().anyMatch(Form.class::isInstance))
                .map(d -> new AutomationInfo(d.getClassName(), Automation.verboseNameOf(d.getType())))
                .toList();
    }

    /**
     * The line that tells this task's instance apart ({@code @Meta(taskSummary)} filled from the
     * automation's data) in that language; "" when the class declares none.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String getTaskSummary(AutomationTaskModel task, Locale locale) {
        return registry.find(task.getAutomation().getAutomationClass())
                .map(d -> TaskSummaries.templateOf(d.getType(), locale))
                .filter(template -> !template.isEmpty())
                .map(template -> TaskSummaries.fill(template, task.getAutomation().getData()))
                .orElse("");
    }

    /** The verbose name of a deployed automation class given by name (for lists); the name itself otherwise. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String getVerboseName(String className) {
        return registry.find(className).map(d -> Automation.verboseNameOf(d.getType())).orElse(className);
    }

    /** The description of a node of a deployed automation class, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String getNodeDescription(String className, String node) {
        return registry.find(className).map(d -> d.getPrototypeNodes().get(node)).map(Node::getDescription).orElse(null);
    }

    /** {@link #getVerboseName(String)} in that language, from the class's bundle (see {@link Labels}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String getVerboseName(String className, Locale locale) {
        return registry.find(className).map(d -> Labels.of(d.getType(), "verboseName", locale,
                Automation.verboseNameOf(d.getType()))).orElse(className);
    }

    /** {@link #getNodeDescription(String, String)} in that language, from the class's bundle (see {@link Labels}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String getNodeDescription(String className, String node, Locale locale) {
        return registry.find(className).map(d -> Labels.of(d.getType(), node, locale,
                Optional.ofNullable(d.getPrototypeNodes().get(node)).map(Node::getDescription).orElse(null))).orElse(null);
    }

    /** The caller as the task rules see them: realm name and roles. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskUser getTaskUser() {
        return users.caller();
    }

    /** A user by name with the roles the realm gives them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskUser getTaskUser(String username) {
        return users.byName(username);
    }

    /** True when the user may see and process the task ({@link TaskAccess}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean mayProcess(TaskUser user, AutomationTaskModel task) {
        return access.mayProcess(user, task);
    }

    /**
     * A form task (open or done) with what a page needs to show it; empty for an unknown id or a task
     * that does not wait for a person. Access is not checked here: see {@link #mayProcess}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TaskForm> getTaskForm(long taskId) {
        return taskForms.find(taskId);
    }

    /** Submits a form task as the caller; see {@link #completeForm(long, Object, TaskUser)}. */
    public FormResult completeForm(long taskId, Object formBean) {
        return completeForm(taskId, formBean, users.caller());
    }

    /** Submits a form task as the user with that name (roles from the realm). */
    public FormResult completeForm(long taskId, Object formBean, String username) {
        return completeForm(taskId, formBean, users.byName(username));
    }

    /**
     * Submits a form task: checks that the user may process it and that the bean is valid (Bean
     * Validation; an invalid bean throws IllegalArgumentException and writes nothing), stores the data
     * (API.md: the bean under the node's name, {@code _<node>_validated}), then runs the automation on
     * in this call. Of concurrent submissions of one task exactly one completes it; the others get
     * {@link FormResult#ALREADY_DONE}.
     */
    public FormResult completeForm(long taskId, Object formBean, TaskUser user) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        if (task == null || !task.isRequiresInteraction()) {
            return FormResult.NOT_FOUND;
        }
        if (user.isAnonymous() || !access.mayProcess(user, task)) {
            return FormResult.FORBIDDEN;
        }
        if (task.getFinished() != null) {
            return FormResult.ALREADY_DONE;
        }
        if (task.getClaimedBy() != null && !task.getClaimedBy().equals(user.name())) {
            return FormResult.CLAIMED;
        }
        Set<ConstraintViolation<Object>> violations = formBean == null ? Set.of() : validator.validate(formBean);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Task " + taskId + ": the form is not valid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        long automationId = task.getAutomation().getId();
        FormResult result = executor.completeForm(taskId, formBean, user.name(), EngineClock.now());
        if (result == FormResult.COMPLETED) {
            engine.advance(automationId, EngineClock.now(), false);
        }
        return result;
    }

    // ---- claiming tasks -------------------------------------------------------------------------

    /**
     * Claims an open form task for the caller, who must be allowed to process it. Others still see the
     * task but cannot submit it until it is released. Of two claims at once exactly one succeeds; the
     * other gets {@link TaskClaimResult.Outcome#CLAIMED_BY_OTHER} with the name of the one who has it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult claimTask(long taskId) {
        return claims.claim(taskId, users.caller(), EngineClock.now());
    }

    /** {@link #claimTask(long)} for the user with that name (roles from the realm). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult claimTask(long taskId, String username) {
        return claims.claim(taskId, users.byName(username), EngineClock.now());
    }

    /** Releases the caller's claim; an administrator (both change roles) may release anyone's. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult releaseTask(long taskId) {
        return claims.release(taskId, users.caller(), EngineClock.now());
    }

    /** {@link #releaseTask(long)} as the user with that name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult releaseTask(long taskId, String username) {
        return claims.release(taskId, users.byName(username), EngineClock.now());
    }

    /**
     * Gives an open form task to a user or to a group (exactly one of them) instead of whoever it was for,
     * unclaimed, recorded in its history with who did it. The caller must be an administrator (both
     * change roles); inside a step or receiver (an {@code onOverdue} method, say) the automation may do
     * it itself, and it commits or rolls back with that step.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult reassignTask(long taskId, String toUser, String toGroup) {
        TaskUser actor = StepScope.current(transactions) != null ? null : users.caller();
        return claims.reassign(taskId, actor, toUser, toGroup, EngineClock.now());
    }

    /** {@link #reassignTask(long, String, String)} as the user with that name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaskClaimResult reassignTask(long taskId, String toUser, String toGroup, String username) {
        return claims.reassign(taskId, users.byName(username), toUser, toGroup, EngineClock.now());
    }

    private Optional<AutomationModel> runningWithKey(String uniqueKey) {
        if (uniqueKey == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from AutomationModel a where a.uniqueKey = :key", AutomationModel.class)
                .setParameter("key", uniqueKey).getResultStream().findFirst();
    }
}
