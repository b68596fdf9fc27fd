package org.automations.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.MigrationPlan;
import org.automations.model.AutomationTaskModel;

/**
 * What a migration plan does to one automation, decided from its open tasks, the same way for the
 * dry run and for the job (which decides again under the automation's row lock).
 *
 * <p>A target outside every Split's paths moves the <em>automation</em>: all its open tasks end and it
 * continues at the target (all its moved tasks must then have that one target). A target on a Split's
 * path moves only the <em>task</em> (a path renamed inside a running Split): the other paths go on, and
 * the new task descends from the moved one, so the Join counts it. That needs the moved task to have
 * come from that Split; otherwise its Join would wait forever for paths that never started.
 */
public final class MigrationRules {

    /**
     * The outcome for one automation.
     *
     * @param to the node it continues at (whole move), or the path targets joined by ", "; null when it stays
     * @param refusal why the plan cannot handle it (then {@code to} is null); null when it can
     * @param pathMoves for a move inside Splits: the id of each moved task and its target; empty for a whole move
     * @param busy the job found the automation's row held by a step: it tries again later
     */
    public record Decision(String to, String refusal, Map<Long, String> pathMoves, boolean busy) {

        public static Decision stays() {
            return new Decision(null, null, Map.of(), false);
        }

        public static Decision isBusy() {
            return new Decision(null, null, Map.of(), true);
        }

        static Decision refused(String why) {
            return new Decision(null, why, Map.of(), false);
        }

        static Decision to(String node, Map<Long, String> pathMoves) {
            return new Decision(node, null, pathMoves, false);
        }

        public boolean moves() {
            return to != null;
        }

        /** Whether only some tasks move (targets on Split paths), the automation's other paths going on. */
        public boolean alongPaths() {
            return !pathMoves.isEmpty();
        }
    }

    private MigrationRules() {
    }

    /** Why the plan as a whole cannot run on the class's current declaration (empty: it can). */
    public static List<String> refusals(AutomationDefinition definition, MigrationPlan plan) {
        List<String> refusals = new ArrayList<>();
        if (plan.moves().isEmpty()) {
            refusals.add("The plan for " + plan.className() + " moves no node: give at least one node and where to continue");
        }
        for (String target : new LinkedHashSet<>(plan.moves().values())) {
            MoveTargets.missing(definition, target).ifPresent(why -> refusals.add("Cannot continue at '" + target + "': " + why));
        }
        return refusals;
    }

    /** What happens to an automation with these open tasks. */
    public static Decision decide(AutomationDefinition definition, MigrationPlan plan, List<AutomationTaskModel> open) {
        List<String> waitingAt = open.stream().map(AutomationTaskModel::getStatus).toList();
        Set<String> wholeTargets = new LinkedHashSet<>();
        Map<Long, String> pathMoves = new LinkedHashMap<>();
        for (AutomationTaskModel task : open) {
            String to = plan.moves().get(task.getStatus());
            if (to == null || !definition.getNodeNames().contains(to)) {
                continue;
            }
            List<String> splits = MoveTargets.splitsAround(definition, to);
            if (splits.isEmpty()) {
                wholeTargets.add(to);
                continue;
            }
            for (String split : splits) {
                if (!MoveTargets.runsInside(definition, task, split)) {
                    return Decision.refused("its task at '" + task.getStatus() + "' would continue at '" + to
                            + "', inside Split '" + split + "', but does not run on that Split's paths: its Join would"
                            + " wait forever for the other paths; continue at '" + split + "' or after its Join instead");
                }
            }
            pathMoves.put(task.getId(), to);
        }
        if (!wholeTargets.isEmpty() && !pathMoves.isEmpty() || wholeTargets.size() > 1) {
            return Decision.refused("it waits at " + quoted(waitingAt) + ", which the plan sends to different nodes "
                    + quoted(concat(wholeTargets, pathMoves.values())) + ", some of them outside the Split's paths;"
                    + " an automation continues either at one node or along its paths");
        }
        List<String> removed = open.stream().filter(t -> !pathMoves.containsKey(t.getId()) && wholeTargets.isEmpty())
                .map(AutomationTaskModel::getStatus).filter(node -> !definition.getNodeNames().contains(node)).toList();
        if (!removed.isEmpty()) {
            return Decision.refused("it waits at " + quoted(removed) + ", which " + definition.getClassName()
                    + " no longer declares, and the plan does not move it");
        }
        if (!wholeTargets.isEmpty()) {
            return Decision.to(wholeTargets.iterator().next(), Map.of());
        }
        if (!pathMoves.isEmpty()) {
            return Decision.to(String.join(", ", new LinkedHashSet<>(pathMoves.values())), pathMoves);
        }
        return Decision.stays();
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String quoted(Collection<String> nodes) {
        return nodes.stream().distinct().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("no node");
    }
}
