package org.automations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.automations.json.JsonValues;

/**
 * How running automations of one class continue after the class changed (issue 15): for each node
 * they may wait at (typically one the class no longer declares) the node to continue at, and data
 * keys to set on every automation moved. An automation waiting at none of the plan's nodes is left
 * alone. Immutable: {@link #move} and {@link #set} return a new plan.
 *
 * <pre>
 * MigrationPlan plan = MigrationPlan.of(IssueDiscussion.class.getName())
 *         .move("oldReview", "review").set("migrated", true);
 * automations.dryRunMigration(plan);   // what each instance would do, or why the plan is refused
 * automations.startMigration(plan);    // the instance-migration batch job
 * </pre>
 *
 * @param className the automation class (fully qualified)
 * @param moves node waited at → node to continue at, in the order given
 * @param data keys set on every automation the plan moves (JSON values: String, Number, Boolean, List, Map)
 */
public record MigrationPlan(String className, Map<String, String> moves, Map<String, Object> data) {

    public MigrationPlan {
        Objects.requireNonNull(className, "className");
        moves = Collections.unmodifiableMap(new LinkedHashMap<>(moves == null ? Map.of() : moves));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
    }

    /** An empty plan for the class: it moves nothing until {@link #move} is given. */
    public static MigrationPlan of(String className) {
        return new MigrationPlan(className, Map.of(), Map.of());
    }

    /** This plan, with automations waiting at {@code from} continuing at {@code to}. */
    public MigrationPlan move(String from, String to) {
        Map<String, String> more = new LinkedHashMap<>(moves);
        more.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        return new MigrationPlan(className, more, data);
    }

    /** This plan, setting the data key on every automation it moves. */
    public MigrationPlan set(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(data);
        more.put(Objects.requireNonNull(key, "key"), JsonValues.copy("data." + key, value));
        return new MigrationPlan(className, moves, more);
    }

    /** The plan as JSON (the batch job's parameter and the REST API's body). */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("className", className);
        json.put("moves", moves);
        json.put("data", data);
        return JsonValues.write(json);
    }

    /** Reads {@link #toJson}'s form; IllegalArgumentException naming what is wrong. */
    public static MigrationPlan fromJson(String json) {
        Map<String, Object> object;
        try {
            object = JsonValues.parseObject(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("A migration plan is a JSON object {\"className\": ..., \"moves\": {...},"
                    + " \"data\": {...}}: " + e.getMessage(), e);
        }
        if (!(object.get("className") instanceof String className) || className.isBlank()) {
            throw new IllegalArgumentException("The migration plan names no className");
        }
        MigrationPlan plan = of(className);
        if (object.get("moves") instanceof Map<?, ?> moves) {
            for (Map.Entry<?, ?> move : moves.entrySet()) {
                if (!(move.getValue() instanceof String to) || to.isBlank()) {
                    throw new IllegalArgumentException("The migration plan's move from '" + move.getKey()
                            + "' names no node to continue at");
                }
                plan = plan.move(String.valueOf(move.getKey()), to);
            }
        } else if (object.get("moves") != null) {
            throw new IllegalArgumentException("The migration plan's moves are an object {\"from\": \"to\", ...}");
        }
        if (object.get("data") instanceof Map<?, ?> data) {
            for (Map.Entry<?, ?> entry : data.entrySet()) {
                plan = plan.set(String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (object.get("data") != null) {
            throw new IllegalArgumentException("The migration plan's data is an object {\"key\": value, ...}");
        }
        return plan;
    }
}
