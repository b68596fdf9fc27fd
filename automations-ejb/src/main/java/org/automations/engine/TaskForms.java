package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.automations.TaskForm;
import org.automations.flow.Automation;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.flow.ModelForm;
import org.automations.flow.Node;
import org.automations.model.AutomationTaskModel;
import org.eclipse.microprofile.config.Config;

/** Everything a page needs to show one form task: its node, template, context and a bean to fill. */
@ApplicationScoped
public class TaskForms {

    /** Configuration keys under this prefix are the project-wide form context (seed: ATM_FORM_VIEW_CONTEXT). */
    public static final String CONTEXT_PREFIX = "automations.form-view-context.";

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    AutomationFactory factory;

    @Inject
    BoundModels models;

    @Inject
    Config config;

    /** The form task, done or open; empty for an unknown id or a task that does not wait for a person. */
    public Optional<TaskForm> find(long taskId) {
        AutomationTaskModel task = em.createQuery("select t from AutomationTaskModel t join fetch t.automation"
                + " where t.id = :id", AutomationTaskModel.class)
                .setParameter("id", taskId).getResultStream().findFirst().orElse(null);
        if (task == null || !task.isRequiresInteraction()) {
            return Optional.empty();
        }
        Optional<AutomationDefinition> definition = registry.find(task.getAutomation().getAutomationClass());
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        Automation automation = factory.instance(definition.get().getType(), task.getAutomation());
        Node node = automation.getNode(task.getStatus());
        if (!(node instanceof Form form)) {
            return Optional.empty(); // the node was removed or changed by a redeployment
        }
        task.attach(automation.data(), form);
        return Optional.of(new TaskForm(task, form, automation.getVerboseName(), template(automation, form),
                context(automation, form), bean(automation, form)));
    }

    /** The node's template, else the class's {@code @Meta(formTemplate)}, else null (the default page). */
    static String template(Automation automation, Form form) {
        if (form.getTemplate() != null && !form.getTemplate().isBlank()) {
            return form.getTemplate();
        }
        Meta meta = automation.getClass().getAnnotation(Meta.class);
        return meta == null || meta.formTemplate().isEmpty() ? null : meta.formTemplate();
    }

    /** Configuration, then the automation, then the node: later entries override earlier ones. */
    Map<String, Object> context(Automation automation, Form form) {
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> configured = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CONTEXT_PREFIX) && name.length() > CONTEXT_PREFIX.length()) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> configured.put(name.substring(CONTEXT_PREFIX.length()), value));
            }
        }
        context.putAll(configured);
        context.putAll(automation.getFormContext());
        context.putAll(form.getContext());
        return context;
    }

    /** A new form bean; for a ModelForm the entity whose id is {@code data[key]}, or a new one. */
    private Object bean(Automation automation, Form form) {
        if (form instanceof ModelForm modelForm) {
            Object id = automation.data().get(modelForm.getKey());
            Object entity = id == null ? null : models.find(automation, modelForm.getEntity(), id);
            if (entity != null) {
                return entity;
            }
        }
        try {
            var constructor = form.getFormBean().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(where(form) + ": the constructor of " + form.getFormBean().getName()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(where(form) + ": cannot create the form bean " + form.getFormBean().getName()
                    + " (it needs a public no-argument constructor): " + e, e);
        }
    }

    private static String where(Form form) {
        return form.getAutomationClass().getName() + "." + form.getName();
    }
}
