package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.util.Map;

/**
 * A user task editing the JPA entity whose id is {@code data[key]}; the entity is created when
 * absent and its id then stored under {@code key}.
 */
public class ModelForm extends Form {

    private final Class<?> entity;
    private final String key;

    public ModelForm(Class<?> entity, String key) {
        super(entity);
        this.entity = entity;
        this.key = requireNonNull(key, "ModelForm");
    }

    public Class<?> getEntity() {
        return entity;
    }

    public String getKey() {
        return key;
    }

    @Override
    public ModelForm user(String username) {
        super.user(username);
        return this;
    }

    @Override
    public ModelForm group(String group) {
        super.group(group);
        return this;
    }

    @Override
    public ModelForm permission(String permission) {
        super.permission(permission);
        return this;
    }

    @Override
    public ModelForm template(String faceletPath) {
        super.template(faceletPath);
        return this;
    }

    @Override
    public ModelForm successUrl(String url) {
        super.successUrl(url);
        return this;
    }

    @Override
    public ModelForm context(Map<String, Object> context) {
        super.context(context);
        return this;
    }

    @Override
    public ModelForm dueIn(Duration duration) {
        super.dueIn(duration);
        return this;
    }

    @Override
    public ModelForm dueIn(DurationFunction duration) {
        super.dueIn(duration);
        return this;
    }

    @Override
    public ModelForm dueAt(TimeFunction time) {
        super.dueAt(time);
        return this;
    }

    @Override
    public ModelForm priority(int priority) {
        super.priority(priority);
        return this;
    }

    @Override
    public ModelForm priority(PriorityFunction priority) {
        super.priority(priority);
        return this;
    }

    @Override
    public ModelForm onOverdue(String node) {
        super.onOverdue(node);
        return this;
    }

    @Override
    public ModelForm onOverdue(TaskProcedure method) {
        super.onOverdue(method);
        return this;
    }

    @Override
    public ModelForm next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public ModelForm asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public ModelForm asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public ModelForm afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public ModelForm afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public ModelForm afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public ModelForm afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public ModelForm skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public ModelForm skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public ModelForm skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public ModelForm awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public ModelForm description(String text) {
        super.description(text);
        return this;
    }
}
