package org.automations.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.automations.MigrationPlan;

/**
 * What a migration plan does to one automation, decided from the nodes it waits at (its open tasks),
 * the same way for the dry run and for the job, which decides again under the automation's row lock.
 */
public final class MigrationRules {

    /**
     * The outcome for one automation.
     *
     * @param to the node it continues at; null when it stays where it is
     * @param refusal why the plan cannot handle it (then {@code to} is null); null when it can
     */
    public record Decision(String to, String refusal) {

        public boolean moves() {
            return to != null;
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
        Set<String> targets = new LinkedHashSet<>(plan.moves().values());
        for (String target : targets) {
            MoveTargets.refusal(definition, target).ifPresent(why -> refusals.add("Cannot continue at '" + target + "': " + why));
        }
        return refusals;
    }

    /** What happens to an automation waiting at these nodes (the nodes of its open tasks). */
    public static Decision decide(AutomationDefinition definition, MigrationPlan plan, List<String> waitingAt) {
        Set<String> targets = new LinkedHashSet<>();
        for (String node : waitingAt) {
            String to = plan.moves().get(node);
            if (to != null) {
                targets.add(to);
            }
        }
        if (targets.size() > 1) {
            return new Decision(null, "it waits at " + quoted(waitingAt) + ", which the plan sends to different nodes "
                    + quoted(targets) + "; an automation continues at one node");
        }
        if (targets.isEmpty()) {
            List<String> removed = waitingAt.stream().filter(node -> !definition.getNodeNames().contains(node)).toList();
            if (!removed.isEmpty()) {
                return new Decision(null, "it waits at " + quoted(removed) + ", which " + definition.getClassName()
                        + " no longer declares, and the plan does not move it");
            }
            return new Decision(null, null);
        }
        return new Decision(targets.iterator().next(), null);
    }

    /** The nodes the plan moves from that the automation waits at. */
    public static List<String> movedFrom(MigrationPlan plan, List<String> waitingAt) {
        return waitingAt.stream().filter(plan.moves()::containsKey).distinct().toList();
    }

    private static String quoted(Collection<String> nodes) {
        return nodes.stream().distinct().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("no node");
    }
}
