package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a message to one automation instance, or to every running instance of a class. The
 * receivers' answers are stored in the task's result as {@code {"results": [...]}}.
 */
public class SendMessage extends Node {

    private final Class<? extends Automation> targetClass;
    private final String targetClassName;
    private final Long targetId;
    private final TargetFunction targetFunction;
    private final String message;
    private String token;
    private final Map<String, Object> data = new LinkedHashMap<>();

    public SendMessage(Class<? extends Automation> target, String message) {
        this(requireNonNull(target, "SendMessage"), null, null, null, message);
    }

    public SendMessage(String targetClassName, String message) {
        this(null, requireNonNull(targetClassName, "SendMessage"), null, null, message);
    }

    public SendMessage(long automationId, String message) {
        this(null, null, automationId, null, message);
    }

    public SendMessage(TargetFunction target, String message) {
        this(null, null, null, requireNonNull(target, "SendMessage"), message);
    }

    private SendMessage(Class<? extends Automation> targetClass, String targetClassName, Long targetId,
            TargetFunction targetFunction, String message) {
        this.targetClass = targetClass;
        this.targetClassName = targetClassName;
        this.targetId = targetId;
        this.targetFunction = targetFunction;
        this.message = requireNonNull(message, "SendMessage");
    }

    public SendMessage token(String token) {
        this.token = token;
        return this;
    }

    public SendMessage data(Map<String, Object> data) {
        this.data.putAll(requireNonNull(data, "data"));
        return this;
    }

    public Class<? extends Automation> getTargetClass() {
        return targetClass;
    }

    public String getTargetClassName() {
        return targetClassName;
    }

    public Long getTargetId() {
        return targetId;
    }

    public TargetFunction getTargetFunction() {
        return targetFunction;
    }

    public String getMessage() {
        return message;
    }

    public String getToken() {
        return token;
    }

    public Map<String, Object> getData() {
        return Collections.unmodifiableMap(data);
    }

    @Override
    public SendMessage next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public SendMessage asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public SendMessage asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public SendMessage afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public SendMessage afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public SendMessage afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public SendMessage afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public SendMessage skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public SendMessage skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public SendMessage skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public SendMessage awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public SendMessage description(String text) {
        super.description(text);
        return this;
    }
}
