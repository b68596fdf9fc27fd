package org.automations.versions;

import java.util.List;

/**
 * What a migration plan would do to one running automation (a row of the dry run).
 *
 * @param automationId the automation
 * @param version the version it last ran with (null: from before versions were kept)
 * @param waitingAt the nodes it waits at now
 * @param to the node it would continue at; null when it stays
 * @param refusal why the plan cannot handle it; null when it can
 */
public record PlannedMove(long automationId, String version, List<String> waitingAt, String to, String refusal) {

    public boolean moves() {
        return to != null;
    }

    public boolean refused() {
        return refusal != null;
    }
}
