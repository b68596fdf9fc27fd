package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    ManagedExecutorService threads;

    @Override
    public Node run(Automation automation) {
        long id = automation.getId();
        if (StepExecutor.isStepping(id)) {
            return null; // called from inside its own step: the running step goes on anyway
        }
        StepEngine.Advance advance = engine.advance(id, EngineClock.now(), false);
        refresh(automation);
        return automation.isFinished() || advance.stoppedAt() == null ? null : automation.getNode(advance.stoppedAt());
    }

    @Override
    public void nice(Automation automation) {
        long id = automation.getId();
        threads.submit(() -> engine.advance(id, EngineClock.now(), false));
    }

    @Override
    public void save(Automation automation) {
        long id = automation.getId();
        if (StepExecutor.isStepping(id)) {
            return; // the step's transaction writes the data when it commits
        }
        AutomationModel saved = executor.saveData(id, automation.data());
        AutomationBinding.attach(automation, this, saved, automation.data());
    }

    @Override
    public void kill(Automation automation) {
        long id = automation.getId();
        if (StepExecutor.isStepping(id)) {
            throw new IllegalStateException(automation + " cannot kill itself during a step; route it to an End node");
        }
        executor.kill(id);
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
