package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.automations.flow.Automation;
import org.automations.flow.AutomationBinding;
import org.automations.flow.Data;
import org.automations.model.AutomationModel;

/**
 * Makes automation objects: a new instance with CDI injection, its nodes bound, the engine and the
 * persistent state attached. Automations are dependent objects: each call gives a fresh one.
 */
@ApplicationScoped
public class AutomationFactory implements AutomationModel.InstanceResolver {

    @Inject
    BeanManager beanManager;

    @Inject
    AutomationRegistry registry;

    @Inject
    EngineRuntime runtime;

    private final Map<Class<?>, Unmanaged<? extends Automation>> unmanaged = new ConcurrentHashMap<>();

    /** A bound instance attached to the model, sharing the model's data object. */
    public <A extends Automation> A instance(Class<A> type, AutomationModel model) {
        return instance(type, model, model.getData());
    }

    public <A extends Automation> A instance(Class<A> type, AutomationModel model, Data data) {
        A automation = newInstance(type);
        AutomationBinding.bind(automation);
        AutomationBinding.attach(automation, runtime, model, data);
        return automation;
    }

    /** A bound instance with injection, not attached to any state yet. */
    public <A extends Automation> A unattached(Class<A> type) {
        A automation = newInstance(type);
        AutomationBinding.bind(automation);
        return automation;
    }

    /** Attaches an instance to a model and its data. */
    public <A extends Automation> A attach(A automation, AutomationModel model) {
        AutomationBinding.attach(automation, runtime, model, model.getData());
        return automation;
    }

    /** The bound instance of a model, or null when its class is no longer deployed. */
    @Override
    public Automation instanceOf(AutomationModel model) {
        return registry.find(model.getAutomationClass())
                .map(definition -> (Automation) instance(definition.getType(), model))
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private <A extends Automation> A newInstance(Class<A> type) {
        Unmanaged<A> factory = (Unmanaged<A>) unmanaged.computeIfAbsent(type, t -> new Unmanaged<>(beanManager, type));
        return factory.newInstance().produce().inject().postConstruct().get();
    }
}
