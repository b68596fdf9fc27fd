package org.automations.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.TaskForm;
import org.automations.model.AutomationTaskModel;

/**
 * The page of one form task ({@code /tasks/{id}}; {@link TaskPages} has found the task and checked
 * access). Request-scoped: every request starts from the stored task and a fresh form bean, into which
 * Faces puts the submitted values; the engine decides whether the task is still open.
 */
@Named
@RequestScoped
public class TaskPage {

    @Inject
    Automations automations;

    private TaskForm form;
    private List<FormField> fields = List.of();
    private boolean done;

    @PostConstruct
    void init() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        form = (TaskForm) external.getRequestMap().get(TaskPages.TASK_FORM);
        if (form != null) {
            fields = FormFields.of(form.form().getFormBean());
            done = form.isDone();
        }
    }

    /** Valid input (Faces has run Bean Validation on every field): complete the task and move on. */
    public String submit() throws IOException {
        FormResult result;
        try {
            result = automations.completeForm(form.task().getId(), form.bean());
        } catch (IllegalArgumentException invalid) {
            Messages.error("task.invalid", invalid.getMessage()); // a class-level constraint of the bean
            return null;
        }
        switch (result) {
            case COMPLETED -> {
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                String back = external.getRequestParameterMap().get("back");
                external.redirect(SafeRedirect.target(form.form().getSuccessUrl(), back, external.getRequestContextPath()));
            }
            case ALREADY_DONE -> done = true;
            case FORBIDDEN -> Messages.error("task.forbidden");
            case NOT_FOUND -> Messages.error("task.gone");
        }
        return null;
    }

    /** The heading: the node's description, else the automation's verbose name. */
    public String getTitle() {
        String description = form.form().getDescription();
        return description == null || description.isBlank() ? form.verboseName() : description;
    }

    /** "Issue discussion #12": which automation the task belongs to. */
    public String getAutomationLabel() {
        return form.verboseName() + " #" + form.task().getAutomation().getId();
    }

    public AutomationTaskModel getTask() {
        return form.task();
    }

    public Instant getCreated() {
        return form.task().getCreated();
    }

    /** The form bean (or a ModelForm's entity) the inputs write into. */
    public Object getBean() {
        return form.bean();
    }

    public List<FormField> getFields() {
        return fields;
    }

    /** The node's or the automation's Facelets fragment, or null for the default inputs. */
    public String getTemplate() {
        return form.template();
    }

    public Map<String, Object> getContext() {
        return form.context();
    }

    /** True when the task was completed before this request, or by someone else during it. */
    public boolean isDone() {
        return done;
    }
}
