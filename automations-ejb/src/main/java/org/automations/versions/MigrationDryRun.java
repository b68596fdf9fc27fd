package org.automations.versions;

import java.util.ArrayList;
import java.util.List;
import org.automations.MigrationPlan;

/**
 * What a migration plan would do, computed without changing anything: why the plan as a whole is
 * refused (a node to continue at that the class lacks or that lies on a Split's path), and for each
 * running automation of the class whether it moves, stays, or is refused (it waits at a node the
 * class no longer declares and the plan does not move it; or at two nodes the plan sends apart).
 * Only a plan with no refusal at all can be started.
 */
public record MigrationDryRun(MigrationPlan plan, List<String> planRefusals, List<PlannedMove> instances) {

    public MigrationDryRun {
        planRefusals = List.copyOf(planRefusals);
        instances = List.copyOf(instances);
    }

    /** The automations the plan moves. */
    public List<PlannedMove> moving() {
        return instances.stream().filter(PlannedMove::moves).toList();
    }

    /** The automations the plan cannot handle. */
    public List<PlannedMove> refused() {
        return instances.stream().filter(PlannedMove::refused).toList();
    }

    /** How many running automations stay where they are. */
    public long staying() {
        return instances.stream().filter(i -> !i.moves() && !i.refused()).count();
    }

    /** Whether the plan may run: no refusal for the plan or any automation, and something to move. */
    public boolean executable() {
        return planRefusals.isEmpty() && refused().isEmpty() && !moving().isEmpty();
    }

    /** Every reason the plan may not run, each naming the class, node or automation at fault. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(planRefusals);
        refused().forEach(i -> reasons.add("Automation " + i.automationId() + " of " + plan.className() + ": " + i.refusal()));
        if (planRefusals.isEmpty() && refused().isEmpty() && moving().isEmpty()) {
            reasons.add("No running automation of " + plan.className() + " waits at " + plan.moves().keySet()
                    + ": the plan would move none");
        }
        return reasons;
    }
}
