package org.automations.flow;

import java.time.Duration;
import java.time.Instant;


import java.util.ArrayList;
import java.util.List;

/**
 * A conditional node: {@code .then(...)} is required, {@code .otherwise(...)} optional. Each branch is
 * a node name to continue with or a callable that runs before the automation continues with the
 * next node. The task message is {@code True} or {@code False}.
 */
public class If extends Node {

    private final Condition condition;
    private Branch then;
    private Branch otherwise;

    public If(Condition condition) {
        this.condition = requireNonNull(condition, "If");
    }

    public If then(String node) {
        then = setBranch(then, "then", Branch.to(stripSelf(requireNonNull(node, "then"))));
        return this;
    }

    public If then(TaskMethod method) {
        then = setBranch(then, "then", Branch.run(requireNonNull(method, "then")));
        return this;
    }

    public If then(TaskProcedure procedure) {
        then = setBranch(then, "then", Branch.run(asMethod(requireNonNull(procedure, "then"))));
        return this;
    }

    /** A no-op branch: continue with the next node. */
    public If then() {
        then = setBranch(then, "then", Branch.run(task -> null));
        return this;
    }

    public If otherwise(String node) {
        otherwise = setBranch(otherwise, "otherwise", Branch.to(stripSelf(requireNonNull(node, "otherwise"))));
        return this;
    }

    public If otherwise(TaskMethod method) {
        otherwise = setBranch(otherwise, "otherwise", Branch.run(requireNonNull(method, "otherwise")));
        return this;
    }

    public If otherwise(TaskProcedure procedure) {
        otherwise = setBranch(otherwise, "otherwise", Branch.run(asMethod(requireNonNull(procedure, "otherwise"))));
        return this;
    }

    public If otherwise() {
        otherwise = setBranch(otherwise, "otherwise", Branch.run(task -> null));
        return this;
    }

    public Condition getCondition() {
        return condition;
    }

    /** The then-branch, or null when .then() is missing (a definition error). */
    public Branch getThen() {
        return then;
    }

    /** The otherwise-branch, or null: a false condition then continues with the next node. */
    public Branch getOtherwise() {
        return otherwise;
    }

    @Override
    protected void collectReferences(List<String> references) {
        super.collectReferences(references);
        for (Branch branch : new Branch[] {then, otherwise}) {
            if (branch != null && branch.node() != null) {
                references.add(branch.node());
            }
        }
    }

    @Override
    protected void describeModifiers(List<String> parts) {
        super.describeModifiers(parts);
        parts.add("then(" + (then == null ? "?" : then) + ")");
        if (otherwise != null) {
            parts.add("otherwise(" + otherwise + ")");
        }
    }

    private Branch setBranch(Branch existing, String modifier, Branch branch) {
        if (existing != null) {
            addProblem("has two ." + modifier + "() branches");
        }
        return branch;
    }

    private static TaskMethod asMethod(TaskProcedure procedure) {
        return task -> {
            procedure.run(task);
            return null;
        };
    }

    /** One branch of an If: a node to jump to, or a callable to run. */
    public record Branch(String node, TaskMethod method) {
        static Branch to(String node) {
            return new Branch(node, null);
        }

        static Branch run(TaskMethod method) {
            return new Branch(null, method);
        }

        @Override
        public String toString() {
            return node != null ? node : "callable";
        }
    }

    @Override
    public If next(String node) {
        super.next(node);
        return this;
    }

    @Override
    public If asSoonAs(Condition condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public If asSoonAs(boolean condition) {
        super.asSoonAs(condition);
        return this;
    }

    @Override
    public If afterWaitingUntil(Instant time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public If afterWaitingUntil(TimeFunction time) {
        super.afterWaitingUntil(time);
        return this;
    }

    @Override
    public If afterWaitingFor(Duration duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public If afterWaitingFor(DurationFunction duration) {
        super.afterWaitingFor(duration);
        return this;
    }

    @Override
    public If skipIf(Condition condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public If skipIf(boolean condition) {
        super.skipIf(condition);
        return this;
    }

    @Override
    public If skipAfter(Duration duration) {
        super.skipAfter(duration);
        return this;
    }

    @Override
    public If awaitMessage(String message) {
        super.awaitMessage(message);
        return this;
    }

    @Override
    public If description(String text) {
        super.description(text);
        return this;
    }
}
