package org.automations.versions;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.automations.MigrationPlan;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditLog;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;
import org.automations.engine.MigrationRules;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * Migration of running automations to a changed class (issue 15 part 2): the overview of where they
 * wait, the dry run of a plan, and the instance-migration batch job that carries it out (see
 * META-INF/batch-jobs/instance-migration.xml). Who may do this is the pages' and the REST API's
 * business (change roles).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InstanceMigrations {

    public static final String JOB = "instance-migration";

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /** The class's running automations by the version they last ran with and the node they wait at. */
    public List<InstanceGroup> groups(String className) {
        Optional<AutomationDefinition> deployed = registry.find(className);
        List<Object[]> rows = em.createQuery("select coalesce(a.runVersion, a.startedVersion), t.status, count(distinct a.id)"
                + " from AutomationTaskModel t join t.automation a"
                + " where a.automationClass = :className and a.finished = false and t.finished is null"
                + " group by coalesce(a.runVersion, a.startedVersion), t.status", Object[].class)
                .setParameter("className", className).getResultList();
        List<InstanceGroup> groups = new ArrayList<>();
        for (Object[] row : rows) {
            String version = (String) row[0];
            String node = (String) row[1];
            groups.add(new InstanceGroup(version, deployed.map(d -> d.getVersion().equals(version)).orElse(false), node,
                    deployed.map(d -> d.getNodeNames().contains(node)).orElse(false), ((Number) row[2]).longValue()));
        }
        groups.sort((a, b) -> Long.compare(b.count(), a.count()));
        return groups;
    }

    /**
     * What the plan would do to each running automation of its class, and why it may not run. In a
     * transaction of its own only to follow the open tasks' predecessors (Split paths); it writes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public MigrationDryRun dryRun(MigrationPlan plan) {
        Optional<AutomationDefinition> deployed = registry.find(plan.className());
        if (deployed.isEmpty()) {
            return new MigrationDryRun(plan, List.of("No automation class " + plan.className()
                    + " is deployed: only automations of a deployed class can be migrated"), List.of());
        }
        AutomationDefinition definition = deployed.get();
        List<PlannedMove> instances = new ArrayList<>();
        openTasks(plan.className()).forEach((automation, open) -> {
            MigrationRules.Decision decision = MigrationRules.decide(definition, plan, open);
            String version = automation.getRunVersion() != null ? automation.getRunVersion() : automation.getStartedVersion();
            instances.add(new PlannedMove(automation.getId(), version,
                    open.stream().map(AutomationTaskModel::getStatus).toList(), decision.to(), decision.refusal()));
        });
        return new MigrationDryRun(plan, MigrationRules.refusals(definition, plan), instances);
    }

    /**
     * Starts the instance-migration job for the plan after a dry run; returns the execution id.
     * IllegalArgumentException with the dry run's reasons when the plan may not run.
     */
    public long start(MigrationPlan plan, Integer chunkSize) {
        // Through the container, for dryRun's own transaction.
        MigrationDryRun dryRun = context.getBusinessObject(InstanceMigrations.class).dryRun(plan);
        if (!dryRun.executable()) {
            throw new IllegalArgumentException("The migration plan for " + plan.className() + " cannot run: "
                    + String.join("; ", dryRun.reasons()));
        }
        Properties parameters = new Properties();
        parameters.setProperty("plan", plan.toJson());
        parameters.setProperty("startedBy", context.getCallerPrincipal().getName());
        if (chunkSize != null) {
            parameters.setProperty("chunkSize", Integer.toString(Math.max(1, chunkSize)));
        }
        return operator().start(JOB, parameters);
    }

    /** The ids of the class's running automations waiting at one of the plan's nodes, after {@code afterId}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> idsToMigrate(MigrationPlan plan, long afterId, int limit) {
        return em.createQuery("select distinct a.id from AutomationTaskModel t join t.automation a"
                + " where a.automationClass = :className and a.finished = false and t.finished is null"
                + " and t.status in :nodes and a.id > :after order by a.id", Long.class)
                .setParameter("className", plan.className()).setParameter("nodes", plan.moves().keySet())
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** How many running automations of the class wait at one of the plan's nodes. */
    public long countToMigrate(MigrationPlan plan) {
        return em.createQuery("select count(distinct a.id) from AutomationTaskModel t join t.automation a"
                + " where a.automationClass = :className and a.finished = false and t.finished is null"
                + " and t.status in :nodes", Long.class)
                .setParameter("className", plan.className()).setParameter("nodes", plan.moves().keySet())
                .getSingleResult();
    }

    /** Records a migration run in the audit log, with its plan and counts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRun(long executionId, MigrationPlan plan, String startedBy, MigrationProgress progress) {
        audit.record(AuditAction.MIGRATION, startedBy, plan.className(), "run " + executionId + ": "
                + progress.exitStatus() + "; plan " + plan.moves().entrySet().stream()
                        .map(e -> e.getKey() + " -> " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")
                + (plan.data().isEmpty() ? "" : "; data set: " + String.join(", ", plan.data().keySet())));
    }

    /** The execution with that id, or empty when it is not one of instance-migration. */
    public Optional<MigrationExecution> execution(long id) {
        try {
            JobExecution execution = operator().getJobExecution(id);
            return execution == null || !JOB.equals(execution.getJobName()) ? Optional.empty() : Optional.of(describe(execution));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** The newest executions, newest first. */
    public List<MigrationExecution> executions(int max) {
        List<MigrationExecution> result = new ArrayList<>();
        List<JobInstance> instances;
        try {
            instances = operator().getJobInstances(JOB, 0, max);
        } catch (NoSuchJobException e) {
            return result;
        }
        for (JobInstance instance : instances) {
            operator().getJobExecutions(instance).forEach(execution -> result.add(describe(execution)));
        }
        result.sort((a, b) -> Long.compare(b.id(), a.id()));
        return result.size() > max ? result.subList(0, max) : result;
    }

    private MigrationExecution describe(JobExecution execution) {
        MigrationProgress progress = MigrationProgress.NONE;
        for (StepExecution step : operator().getStepExecutions(execution.getExecutionId())) {
            MigrationProgress found = MigrationProgress.from(step.getPersistentUserData());
            if (found != null) {
                progress = found;
            }
        }
        Properties parameters = execution.getJobParameters();
        MigrationPlan plan = parameters == null || parameters.getProperty("plan") == null ? null
                : MigrationPlan.fromJson(parameters.getProperty("plan"));
        return new MigrationExecution(execution.getExecutionId(), execution.getBatchStatus(), execution.getExitStatus(),
                instant(execution.getStartTime()), instant(execution.getEndTime()), plan,
                parameters == null ? null : parameters.getProperty("startedBy"), progress);
    }

    /** The open tasks of the class's running automations, by automation in id order. */
    private Map<AutomationModel, List<AutomationTaskModel>> openTasks(String className) {
        Map<AutomationModel, List<AutomationTaskModel>> result = new LinkedHashMap<>();
        for (AutomationTaskModel task : em.createQuery("select t from AutomationTaskModel t join fetch t.automation"
                + " where t.automation.automationClass = :className and t.automation.finished = false"
                + " and t.finished is null order by t.automation.id, t.id",
                AutomationTaskModel.class).setParameter("className", className).getResultList()) {
            result.computeIfAbsent(task.getAutomation(), a -> new ArrayList<>()).add(task);
        }
        return result;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
