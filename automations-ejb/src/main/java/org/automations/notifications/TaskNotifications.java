package org.automations.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.StepScope;
import org.automations.model.AutomationTaskModel;

/**
 * Tells the people who may process a form task about it by mail: when it starts waiting for a person and
 * when it becomes overdue (issue 14). Called by the engine inside the step's transaction; the mail goes
 * out only after that transaction has committed, on a managed thread, never inside it: a step that
 * rolls back (all of its transaction, or the step alone to its savepoint) mails nothing, and a mail
 * that fails is logged (WARNING) and never fails the automation.
 *
 * <p>Off unless {@code automations.notifications.enabled} is true ({@link NotificationSettings}); then
 * nothing is registered at all.
 */
@ApplicationScoped
public class TaskNotifications {

    private static final Logger LOG = Logger.getLogger(TaskNotifications.class.getName());

    /** Why a task is announced. */
    public enum Kind {
        WAITING, OVERDUE
    }

    @Inject
    NotificationSettings settings;

    @Inject
    TaskMails mails;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService threads;

    /** A form task started waiting for a person. */
    public void taskWaiting(AutomationTaskModel task) {
        announce(task, Kind.WAITING);
    }

    /** A form task is still open at its due time. */
    public void taskOverdue(AutomationTaskModel task) {
        announce(task, Kind.OVERDUE);
    }

    private void announce(AutomationTaskModel task, Kind kind) {
        if (!settings.enabled()) {
            return;
        }
        // The task's id is given when the engine makes it, before its row is written.
        long taskId = task.getId();
        String about = "task " + taskId + " (" + task.getStatus() + ") of automation " + task.getAutomation().getId()
                + " (" + task.getAutomation().getAutomationClass() + ")";
        afterCommit(() -> {
            try {
                threads.submit(() -> mails.send(kind, taskId, about));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "Could not mail about " + about + " (" + kind + "): no thread to send it: " + e, e);
            }
        });
    }

    /**
     * Runs the action once the current transaction has committed: through the engine's scope of it (a
     * step rolled back to its savepoint drops what it registered), else a synchronization of its own;
     * at once outside any transaction.
     */
    private void afterCommit(Runnable action) {
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            scope.runAfterCommit(action);
        } else if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } else {
            action.run();
        }
    }
}
