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

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
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
