package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user task: the automation waits until an assigned person submits the form bean. Who may do so is
 * given by {@link #user}, {@link #group} and {@link #permission} (all must hold; superusers always
 * may). A form with none of them is available to superusers only.
 */
public class Form extends Node {

    private final Class<?> formBean;
    private String user;
    private String group;
    private final List<String> permissions = new ArrayList<>();
    private String template;
    private String successUrl;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private Duration dueIn;
    private DurationFunction dueInFunction;
    private TimeFunction dueAtFunction;
    private int priority;
    private PriorityFunction priorityFunction;
    private String onOverdueNode;
    private TaskProcedure onOverdueMethod;

    public Form(Class<?> formBean) {
        this.formBean = requireNonNull(formBean, "Form");
    }

    public Form user(String username) {
        if (user != null) {
            addProblem("has two .user() assignments ('" + user + "' and '" + username + "')");
        }
        user = requireNonNull(username, "user");
        return this;
    }

    public Form group(String group) {
        if (this.group != null) {
            addProblem("has two .group() assignments ('" + this.group + "' and '" + group + "')");
        }
        this.group = requireNonNull(group, "group");
        return this;
    }

    public Form permission(String permission) {
        permissions.add(requireNonNull(permission, "permission"));
        return this;
    }

    /** A Facelets page rendering this form instead of the default form page. */
    public Form template(String faceletPath) {
        template = faceletPath;
        return this;
    }

    public Form successUrl(String url) {
        successUrl = url;
        return this;
    }

    public Form context(Map<String, Object> context) {
        this.context.putAll(requireNonNull(context, "context"));
        return this;
    }

    /** Due this long after the task starts waiting for a person (shown in the task list; see {@link #onOverdue}). */
    public Form dueIn(Duration duration) {
        checkOneDueTime();
        dueIn = requireNonNull(duration, "dueIn");
        return this;
    }

    /** As {@link #dueIn(Duration)}, the duration evaluated once when the task starts waiting for a person. */
    public Form dueIn(DurationFunction duration) {
        checkOneDueTime();
        dueInFunction = requireNonNull(duration, "dueIn");
        return this;
    }

    /** Due at the time the function returns, evaluated once when the task starts waiting for a person. */
    public Form dueAt(TimeFunction time) {
        checkOneDueTime();
        dueAtFunction = requireNonNull(time, "dueAt");
        return this;
    }

    /** The task's priority in the task list (higher first; default 0). */
    public Form priority(int priority) {
        this.priority = priority;
        this.priorityFunction = null;
        return this;
    }

    /** The priority as a function of the task, evaluated once when the task starts waiting for a person. */
    public Form priority(PriorityFunction priority) {
        this.priorityFunction = requireNonNull(priority, "priority");
        return this;
    }

    /**
     * When the task is still open at its due time, it ends with the message {@code overdue} and the
     * automation continues at that node (an escalation that replaces the task).
     */
    public Form onOverdue(String node) {
        checkOneOverdueAction();
        onOverdueNode = stripSelf(requireNonNull(node, "onOverdue"));
        return this;
    }

    /**
     * When the task is still open at its due time, runs the method once in a step of its own; the task
     * stays open (the method may raise the priority, reassign it, or send a reminder).
     */
    public Form onOverdue(TaskProcedure method) {
        checkOneOverdueAction();
        onOverdueMethod = requireNonNull(method, "onOverdue");
        return this;
    }

    private void checkOneDueTime() {
        if (dueIn != null || dueInFunction != null || dueAtFunction != null) {
            addProblem("has two due times (.dueIn/.dueAt)");
        }
    }

    private void checkOneOverdueAction() {
        if (onOverdueNode != null || onOverdueMethod != null) {
            addProblem("has two .onOverdue() actions");
        }
    }

    public Class<?> getFormBean() {
        return formBean;
    }

    public String getUser() {
        return user;
    }

    public String getGroup() {
        return group;
    }

    public List<String> getPermissions() {
        return Collections.unmodifiableList(permissions);
    }

    public String getTemplate() {
        return template;
    }

    public String getSuccessUrl() {
        return successUrl;
    }

    public Map<String, Object> getContext() {
        return Collections.unmodifiableMap(context);
    }

    public Duration getDueIn() {
        return dueIn;
    }

    public DurationFunction getDueInFunction() {
        return dueInFunction;
    }

    public TimeFunction getDueAtFunction() {
        return dueAtFunction;
    }

    /** True when the form declares a due time. */
    public boolean hasDueTime() {
        return dueIn != null || dueInFunction != null || dueAtFunction != null;
    }

    public int getPriority() {
        return priority;
    }

    public PriorityFunction getPriorityFunction() {
        return priorityFunction;
    }

    /** The node to continue at when the task is overdue, or null. */
    public String getOnOverdueNode() {
        return onOverdueNode;
    }

    /** The method to run when the task is overdue, or null. */
    public TaskProcedure getOnOverdueMethod() {
        return onOverdueMethod;
    }

    @Override
    protected void collectReferences(List<String> references) {
        super.collectReferences(references);
        if (onOverdueNode != null) {
            references.add(onOverdueNode);
        }
    }

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
        if (dueIn != null) {
            parts.add("dueIn(" + dueIn + ")");
        }
        if (dueInFunction != null) {
            parts.add("dueIn(function)");
        }
        if (dueAtFunction != null) {
            parts.add("dueAt(function)");
        }
        if (priority != 0 || priorityFunction != null) {
            parts.add("priority(" + (priorityFunction != null ? "function" : priority) + ")");
        }
        if (onOverdueNode != null) {
            parts.add("onOverdue(" + onOverdueNode + ")");
        }
        if (onOverdueMethod != null) {
            parts.add("onOverdue(method)");
        }
        if (user != null) {
            parts.add("user(" + user + ")");
        }
        if (group != null) {
            parts.add("group(" + group + ")");
        }
        permissions.forEach(p -> parts.add("permission(" + p + ")"));
    }

    @Override
    public Form next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public Form asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Form asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public Form afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Form afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public Form afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Form afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public Form skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Form skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public Form skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public Form awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public Form description(String text) {
        super.description(text);
        return this;
    }
}
