package org.automations.batch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.automations.engine.HistoryStore;

/**
 * Starts the history-cleanup job and reads its executions from the job repository (for the admin
 * page, the schedule and tests). jboss-cli starts the same job; see docs/how-to.md.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryCleanup {

    public static final String JOB = "history-cleanup";
    /** Who the audit log names for runs the schedule starts. */
    public static final String SCHEDULE = "schedule (automations.history-cleanup.schedule)";

    @Inject
    HistoryStore store;

    @Resource
    SessionContext context;

    /**
     * Starts a cleanup of automations finished more than {@code days} days ago, failed ones excepted;
     * returns the execution id.
     */
    public long start(int days) {
        return start(days, null);
    }

    /** As {@link #start(int)} with {@code chunkSize} automations per transaction (null: the job's default). */
    public long start(int days, Integer chunkSize) {
        return start(days, chunkSize, false);
    }

    /** As {@link #start(int, Integer)}; {@code includeFailed}: FAILED automations go too. */
    public long start(int days, Integer chunkSize, boolean includeFailed) {
        return start(days, chunkSize, includeFailed, context.getCallerPrincipal().getName());
    }

    /** The schedule's run ({@code automations.history-cleanup.schedule}): the audit log names the schedule, not "anonymous". */
    public long startScheduled(int days) {
        return start(days, null, false, SCHEDULE);
    }

    private long start(int days, Integer chunkSize, boolean includeFailed, String startedBy) {
        Properties parameters = new Properties();
        parameters.setProperty("days", Integer.toString(CleanupParameters.days(Integer.toString(days))));
        parameters.setProperty("includeFailed", Boolean.toString(includeFailed));
        parameters.setProperty("startedBy", startedBy); // for the audit log
        if (chunkSize != null) {
            parameters.setProperty("chunkSize", Integer.toString(CleanupParameters.chunkSize(chunkSize.toString())));
        }
        return operator().start(JOB, parameters);
    }

    /**
     * What a cleanup started now would delete: the automations (and of them the failed ones) last
     * updated more than {@code days} days ago. The page shows it before it asks to confirm.
     */
    public CleanupPreview preview(int days, boolean includeFailed) {
        Instant cutoff = org.automations.engine.EngineClock.now().minus(Duration.ofDays(CleanupParameters.days(Integer.toString(days))));
        return new CleanupPreview(store.countFinished(cutoff, includeFailed),
                includeFailed ? store.countFailed(cutoff) : 0, store.countFailed(cutoff));
    }

    /** The execution with that id, or empty when it is not one of history-cleanup. */
    public Optional<CleanupExecution> execution(long id) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(id);
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
        if (execution == null || !JOB.equals(execution.getJobName())) {
            return Optional.empty();
        }
        return Optional.of(describe(execution));
    }

    /** The newest running execution started less than {@code maxAge} ago, if any (older ones are crash leftovers). */
    public Optional<CleanupExecution> running(Duration maxAge) {
        Instant since = Instant.now().minus(maxAge);
        try {
            return operator().getRunningExecutions(JOB).stream().sorted((a, b) -> Long.compare(b, a))
                    .map(operator()::getJobExecution)
                    .filter(e -> e.getCreateTime() == null || e.getCreateTime().toInstant().isAfter(since))
                    .map(this::describe).findFirst();
        } catch (NoSuchJobException e) {
            return Optional.empty();
        }
    }

    /** The newest executions, newest first (restarts of one instance each on their own). */
    public List<CleanupExecution> executions(int max) {
        JobOperator operator = operator();
        List<CleanupExecution> result = new ArrayList<>();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(JOB, 0, max);
        } catch (NoSuchJobException e) {
            return result;
        }
        for (JobInstance instance : instances) {
            List<JobExecution> executions = new ArrayList<>(operator.getJobExecutions(instance));
            executions.sort((a, b) -> Long.compare(b.getExecutionId(), a.getExecutionId()));
            for (JobExecution execution : executions) {
                if (result.size() < max) {
                    result.add(describe(execution));
                }
            }
        }
        result.sort((a, b) -> Long.compare(b.id(), a.id()));
        return result;
    }

    private CleanupExecution describe(JobExecution execution) {
        JobOperator operator = operator();
        CleanupProgress progress = null;
        for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
            CleanupProgress found = CleanupProgress.from(step.getPersistentUserData());
            if (found != null) {
                progress = found;
            }
        }
        Properties parameters = execution.getJobParameters();
        String days = parameters == null ? null : parameters.getProperty("days");
        long automations = progress == null ? 0 : progress.automations();
        long tasks = progress == null ? 0 : progress.tasks();
        CleanupExecution described = new CleanupExecution(execution.getExecutionId(), execution.getBatchStatus(),
                execution.getExitStatus(), instant(execution.getStartTime()), instant(execution.getEndTime()),
                days, automations, tasks, -1);
        if (described.isRunning() && progress != null) {
            return new CleanupExecution(described.id(), described.status(), described.exitStatus(), described.start(),
                    described.end(), days, automations, tasks, store.countFinished(progress.cutoff(),
                    CleanupParameters.includeFailed(parameters == null ? null : parameters.getProperty("includeFailed"))));
        }
        return described;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
