package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.AutomationBinding;
import org.automations.flow.AutomationRuntime;
import org.automations.flow.Node;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;

/** What automation objects call: run, nice, save, kill, messages, bound entities. */
@ApplicationScoped
public class EngineRuntime implements AutomationRuntime {

    @Inject
    StepEngine engine;

    @Inject
    StepExecutor executor;

    @Inject
    MessageDispatcher messages;

    @Inject
    BoundModels models;

    @Inject
    JoinedWrites joined;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    ManagedExecutorService threads;

    /**
     * Inside a step or receiver (of this or another automation) the run happens once that transaction
     * has committed, and null is returned: running it now would take its steps into the caller's
     * transaction, or wait for a lock the caller holds.
     */
    @Override
    public Node run(Automation automation) {
        long id = automation.getId();
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            if (!scope.holds(id)) {
                scope.advanceAfterCommit(id);
            }
            return null; // its own step goes on anyway
        }
        StepScope.refuseOwnLock(id, "run");
        StepEngine.Advance advance = engine.advance(id, EngineClock.now(), false);
        refresh(automation);
        return automation.isFinished() || advance.stoppedAt() == null ? null : automation.getNode(advance.stoppedAt());
    }

    @Override
    public void nice(Automation automation) {
        long id = automation.getId();
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            if (!scope.holds(id)) {
                scope.advanceAfterCommit(id); // on a container thread, after the commit
            }
            return;
        }
        threads.submit(() -> engine.advance(id, EngineClock.now(), false));
    }

    /**
     * Inside its own step or receiver, the data is written when that step commits (another object of
     * the same automation hands its data over); inside another automation's step, in that step's
     * transaction; elsewhere at once.
     */
    @Override
    public void save(Automation automation) {
        long id = automation.getId();
        StepScope scope = StepScope.current(transactions);
        Automation live = scope == null ? null : scope.live(id);
        if (live != null) {
            if (live != automation) {
                live.data().clear();
                live.data().putAll(automation.data());
            }
            return;
        }
        AutomationModel saved;
        if (scope != null) {
            saved = joined.saveData(id, automation.data());
        } else {
            StepScope.refuseOwnLock(id, "save");
            saved = executor.saveData(id, automation.data());
        }
        AutomationBinding.attach(automation, this, saved, automation.data());
    }

    /** Inside another automation's step, the deletion commits or rolls back with that step. */
    @Override
    public void kill(Automation automation) {
        long id = automation.getId();
        StepScope scope = StepScope.current(transactions);
        if (scope != null && scope.holds(id)) {
            throw new IllegalStateException(automation + " cannot kill itself during a step; route it to an End node");
        }
        if (scope != null) {
            joined.kill(id, TaskClaims.ENGINE_ACTOR);
        } else {
            StepScope.refuseOwnLock(id, "kill");
            executor.kill(id);
        }
        AutomationModel model = automation.getModel();
        model.setStatus(AutomationStatus.FINISHED);
    }

    @Override
    public Object sendMessage(Automation automation, String message, String token, Map<String, Object> data) {
        return messages.dispatch(automation.getId(), message, token, data);
    }

    @Override
    public <T> T findEntity(Automation automation, Class<T> type, Object id) {
        return models.find(automation, type, id);
    }

    /** Re-reads the committed state after this object's own run. */
    private void refresh(Automation automation) {
        AutomationModel model = em.find(AutomationModel.class, automation.getId());
        if (model == null) {
            automation.getModel().setStatus(AutomationStatus.FINISHED);
            return;
        }
        AutomationBinding.attach(automation, this, model, model.getData());
    }
}
