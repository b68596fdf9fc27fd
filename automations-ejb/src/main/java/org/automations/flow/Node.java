package org.automations.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A step of an automation, declared as a field of an {@link Automation} subclass. Modifiers return
 * the node itself; each node class overrides them covariantly so they chain in any order.
 */
public abstract class Node {

    private String name;
    private Class<? extends Automation> automationClass;
    private Automation automation;

    private String next;
    private final List<Condition> conditions = new ArrayList<>();
    private boolean blockedForever;
    private Instant waitUntil;
    private TimeFunction waitUntilFunction;
    private Duration waitFor;
    private DurationFunction waitForFunction;
    private final List<Condition> skipConditions = new ArrayList<>();
    private boolean skipAlways;
    private Duration skipAfter;
    private String awaitedMessage;
    private String description;
    /** Declaration mistakes found while modifiers ran; reported when the class is bound. */
    private final List<String> problems = new ArrayList<>();

    protected Node() {
        Automation.registerConstructedNode(this);
    }

    // ---- common modifiers ------------------------------------------------------------------

    /** Continue with that node instead of the next declared one; twice is an error. */
    public Node next(String node) {
        if (next != null) {
            problems.add("has two .next() targets ('" + next + "' and '" + node + "')");
        }
        next = stripSelf(node);
        return this;
    }

    /** Waits until every such condition holds; re-checked each time the automation is checked. */
    public Node asSoonAs(Condition condition) {
        conditions.add(requireNonNull(condition, "asSoonAs"));
        return this;
    }

    public Node asSoonAs(boolean condition) {
        if (!condition) {
            blockedForever = true;
        }
        return this;
    }

    public Node afterWaitingUntil(Instant time) {
        checkOneWait();
        waitUntil = requireNonNull(time, "afterWaitingUntil");
        return this;
    }

    public Node afterWaitingUntil(TimeFunction time) {
        checkOneWait();
        waitUntilFunction = requireNonNull(time, "afterWaitingUntil");
        return this;
    }

    public Node afterWaitingFor(Duration duration) {
        checkOneWait();
        waitFor = requireNonNull(duration, "afterWaitingFor");
        return this;
    }

    public Node afterWaitingFor(DurationFunction duration) {
        checkOneWait();
        waitForFunction = requireNonNull(duration, "afterWaitingFor");
        return this;
    }

    /** Leaves the node unprocessed (message "skipped") when the condition holds. */
    public Node skipIf(Condition condition) {
        skipConditions.add(requireNonNull(condition, "skipIf"));
        return this;
    }

    public Node skipIf(boolean condition) {
        if (condition) {
            skipAlways = true;
        }
        return this;
    }

    /** Skips the node once its task is older than the duration. */
    public Node skipAfter(Duration duration) {
        skipAfter = requireNonNull(duration, "skipAfter");
        return this;
    }

    public Node description(String text) {
        description = text;
        return this;
    }

    /**
     * Waits until the automation receives that message ({@code sendMessage}, {@code dispatchMessage},
     * a {@code SendMessage} node, a hook): the automation has no wake time meanwhile, so the tick never
     * reads it, and the delivery wakes it. Combine with {@code skipAfter} for a deadline.
     */
    public Node awaitMessage(String message) {
        if (awaitedMessage != null) {
            problems.add("awaits two messages ('" + awaitedMessage + "' and '" + message + "')");
        }
        awaitedMessage = requireNonNull(message, "awaitMessage");
        return this;
    }

    // ---- what the engine reads ---------------------------------------------------------------

    /** The field's name once bound. */
    public String getName() {
        return name;
    }

    public Class<? extends Automation> getAutomationClass() {
        return automationClass;
    }

    /** The automation instance this node belongs to (its callables run against it). */
    public Automation getAutomation() {
        return automation;
    }

    public String getDescription() {
        return description;
    }

    /** The explicit .next() target, or null. */
    public String getNext() {
        return next;
    }

    public List<Condition> getConditions() {
        return Collections.unmodifiableList(conditions);
    }

    /** True when .asSoonAs(false) was declared: the node never becomes ready by itself. */
    public boolean isBlockedForever() {
        return blockedForever;
    }

    public Instant getWaitUntil() {
        return waitUntil;
    }

    public TimeFunction getWaitUntilFunction() {
        return waitUntilFunction;
    }

    public Duration getWaitFor() {
        return waitFor;
    }

    public DurationFunction getWaitForFunction() {
        return waitForFunction;
    }

    public boolean hasWait() {
        return waitUntil != null || waitUntilFunction != null || waitFor != null || waitForFunction != null;
    }

    public List<Condition> getSkipConditions() {
        return Collections.unmodifiableList(skipConditions);
    }

    public boolean isSkipAlways() {
        return skipAlways;
    }

    public Duration getSkipAfter() {
        return skipAfter;
    }

    /** The message this node waits for ({@link #awaitMessage}), or null. */
    public String getAwaitedMessage() {
        return awaitedMessage;
    }

    /** Conditions that must be polled because only calling them tells when they change. */
    public boolean hasPolledConditions() {
        return !conditions.isEmpty() || !skipConditions.isEmpty();
    }

    /** Names of nodes this node refers to explicitly (for validation). */
    public final List<String> getReferences() {
        List<String> references = new ArrayList<>();
        collectReferences(references);
        return references;
    }

    /** Adds the node names this node refers to; subclasses add theirs after calling super. */
    protected void collectReferences(List<String> references) {
        if (next != null) {
            references.add(next);
        }
    }

    /** Declaration mistakes recorded by modifiers. */
    public List<String> getProblems() {
        return Collections.unmodifiableList(problems);
    }

    /** A short human-readable list of this node's modifiers, for the history view and errors. */
    public final String describeModifiers() {
        List<String> parts = new ArrayList<>();
        describeModifiers(parts);
        return String.join(", ", parts);
    }

    /** Adds one entry per modifier; subclasses add theirs after calling super. */
    protected void describeModifiers(List<String> parts) {
        if (next != null) {
            parts.add("next(" + next + ")");
        }
        if (!conditions.isEmpty() || blockedForever) {
            parts.add("asSoonAs");
        }
        if (waitUntil != null) {
            parts.add("afterWaitingUntil(" + waitUntil + ")");
        }
        if (waitUntilFunction != null) {
            parts.add("afterWaitingUntil(function)");
        }
        if (waitFor != null) {
            parts.add("afterWaitingFor(" + waitFor + ")");
        }
        if (waitForFunction != null) {
            parts.add("afterWaitingFor(function)");
        }
        if (!skipConditions.isEmpty() || skipAlways) {
            parts.add("skipIf");
        }
        if (skipAfter != null) {
            parts.add("skipAfter(" + skipAfter + ")");
        }
        if (awaitedMessage != null) {
            parts.add("awaitMessage(" + awaitedMessage + ")");
        }
    }

    @Override
    public String toString() {
        String owner = automationClass == null ? "unbound" : automationClass.getSimpleName();
        return getClass().getSimpleName() + " " + owner + "." + name;
    }

    // ---- helpers for subclasses ----------------------------------------------------------------

    /** Records a declaration mistake; it is reported with class and node name at deployment. */
    protected void addProblem(String problem) {
        problems.add(problem);
    }

    /** Accepts the seed's "self.node" form as well as "node". */
    protected static String stripSelf(String node) {
        if (node == null) {
            return null;
        }
        String trimmed = node.trim();
        return trimmed.startsWith("self.") ? trimmed.substring("self.".length()) : trimmed;
    }

    protected static <T> T requireNonNull(T value, String modifier) {
        if (value == null) {
            throw new IllegalArgumentException("." + modifier + "() needs a value, not null");
        }
        return value;
    }

    private void checkOneWait() {
        if (hasWait()) {
            problems.add("declares more than one wait (afterWaitingUntil/afterWaitingFor); only one is allowed");
        }
    }

    void bind(String fieldName, Class<? extends Automation> owner, Automation instance) {
        this.name = fieldName;
        this.automationClass = owner;
        this.automation = instance;
    }
}
