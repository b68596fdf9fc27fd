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
import org.automations.TaskClaimResult;
import org.automations.TaskForm;
import org.automations.flow.Meta;
import org.automations.i18n.Labels;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;

/**
 * The page of one form task ({@code /tasks/{id}}; {@link TaskPages} has found the task and checked
 * access). Request-scoped: every request starts from the stored task and a fresh form bean, into which
 * Faces puts the submitted values; the engine decides whether the task is still open.
 */
@Named
@RequestScoped
public class TaskPage {

    /** The flash attribute the page frame shows once after a redirect (see page.xhtml). */
    public static final String NOTICE = "notice";

    @Inject
    Automations automations;

    private TaskForm form;
    private TaskUser user;
    private List<FormField> fields = List.of();
    private boolean done;
    private String reassignUser;
    private String reassignGroup;

    @PostConstruct
    void init() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        form = (TaskForm) external.getRequestMap().get(TaskPages.TASK_FORM);
        user = automations.getTaskUser();
        if (form != null) {
            fields = FormFields.of(form.form().getFormBean(), Messages.locale());
            done = form.isDone();
        }
    }

    // ---- claim, release, reassign ------------------------------------------------------------------

    public String claim() {
        TaskClaimResult result = automations.claimTask(form.task().getId());
        if (result.isDone()) {
            Messages.info("task.claim.done");
        }
        return afterClaimAction(result);
    }

    public String release() {
        TaskClaimResult result = automations.releaseTask(form.task().getId());
        if (result.isDone()) {
            Messages.info("task.release.done");
        }
        return afterClaimAction(result);
    }

    public String reassign() {
        TaskClaimResult result;
        try {
            result = automations.reassignTask(form.task().getId(), reassignUser, reassignGroup);
        } catch (IllegalArgumentException neitherOrBoth) {
            Messages.error("task.reassign.missing");
            return null;
        }
        if (result.isDone()) {
            Messages.info("task.reassign.done", reassignUser == null || reassignUser.isBlank() ? reassignGroup : reassignUser);
        }
        return afterClaimAction(result);
    }

    /** Says why an action was refused, then shows the task as it is now. */
    private String afterClaimAction(TaskClaimResult result) {
        switch (result.outcome()) {
            case CLAIMED_BY_OTHER -> Messages.error("task.claimedByOther", result.claimedBy());
            case NOT_CLAIMED -> Messages.error("task.release.notClaimed");
            case ALREADY_DONE -> done = true;
            case FORBIDDEN -> Messages.error("task.forbidden");
            case NOT_FOUND -> Messages.error("task.gone");
            case DONE -> { }
        }
        reload();
        return null;
    }

    private void reload() {
        automations.getTaskForm(form.task().getId()).ifPresent(fresh -> {
            form = fresh;
            done = fresh.isDone();
        });
    }

    /** Who has claimed the task, or null. */
    public String getClaimedBy() {
        return form.task().getClaimedBy();
    }

    public boolean isClaimedByMe() {
        return user.name() != null && user.name().equals(getClaimedBy());
    }

    /** Claimed by another person: this user cannot submit until it is released. */
    public boolean isClaimedByOther() {
        return getClaimedBy() != null && !isClaimedByMe();
    }

    public boolean isMayClaim() {
        return !done && getClaimedBy() == null;
    }

    public boolean isMayRelease() {
        return !done && getClaimedBy() != null && (isClaimedByMe() || user.isAdministrator());
    }

    public boolean isMayReassign() {
        return !done && user.isAdministrator();
    }

    public String getReassignUser() {
        return reassignUser;
    }

    public void setReassignUser(String reassignUser) {
        this.reassignUser = reassignUser;
    }

    public String getReassignGroup() {
        return reassignGroup;
    }

    public void setReassignGroup(String reassignGroup) {
        this.reassignGroup = reassignGroup;
    }

    // ---- what the task is about ------------------------------------------------------------------

    /** Who may process the task: "user jacob", "group Moderators", permissions, or superusers only. */
    public String getAssignees() {
        return TaskList.assigneesOf(form.task());
    }

    /** The node's description in the user's language (null when it has none). */
    public String getDescription() {
        return Labels.of(form.form().getAutomationClass(), form.form().getName(), Messages.locale(),
                form.form().getDescription());
    }

    /** The automation's verbose name in the user's language. */
    public String getVerboseName() {
        return Labels.of(form.form().getAutomationClass(), "verboseName", Messages.locale(), form.verboseName());
    }

    /** The due time in the user's language, or null without one. */
    public String getDeadline() {
        Instant deadline = form.task().getDeadline();
        return deadline == null ? null : PageTimes.format(deadline);
    }

    /** "Overdue since ..." or the due time. */
    public String getDeadlineText() {
        String deadline = getDeadline();
        return isOverdue() ? Messages.text("task.overdue", deadline) : deadline;
    }

    public String getClaimText() {
        if (isClaimedByMe()) {
            return Messages.text("task.claimedByMe");
        }
        return getClaimedBy() == null ? Messages.text("task.notClaimed") : Messages.text("task.claimedBy", getClaimedBy());
    }

    public String getClaimedByOtherText() {
        return Messages.text("task.claimedByOther", getClaimedBy());
    }

    public boolean isOverdue() {
        return form.task().isOverdue();
    }

    public int getPriority() {
        return form.task().getPriority();
    }

    /** The key of the task's automation, for {@code <atm:status>} when its class declares a status template. */
    public String getStatusKey() {
        Meta meta = form.form().getAutomationClass().getAnnotation(Meta.class);
        return meta == null || meta.statusTemplates().length == 0 ? null : form.task().getAutomation().getKey();
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
                external.getFlash().put(NOTICE, completedNotice());
                String back = external.getRequestParameterMap().get("back");
                external.redirect(SafeRedirect.target(form.form().getSuccessUrl(), back, external.getRequestContextPath()));
            }
            case ALREADY_DONE -> done = true;
            case FORBIDDEN -> Messages.error("task.forbidden");
            case NOT_FOUND -> Messages.error("task.gone");
            case CLAIMED -> {
                reload();
                Messages.error("task.claimedByOther", getClaimedBy());
            }
        }
        return null;
    }

    /** "Task completed. Issue discussion #12 now waits at repeat." for the page the browser goes to next. */
    private String completedNotice() {
        long automationId = form.task().getAutomation().getId();
        List<String> waitingAt = automations.getWaitingAt(automationId);
        return waitingAt.isEmpty() ? Messages.text("task.completed.finished", getAutomationLabel())
                : Messages.text("task.completed.waiting", getAutomationLabel(), String.join(", ", waitingAt));
    }

    /** The heading: the node's description, else the automation's verbose name. */
    public String getTitle() {
        String description = getDescription();
        return description == null || description.isBlank() ? getVerboseName() : description;
    }

    /** "Issue discussion #12": which automation the task belongs to. */
    public String getAutomationLabel() {
        return getVerboseName() + " #" + form.task().getAutomation().getId();
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
