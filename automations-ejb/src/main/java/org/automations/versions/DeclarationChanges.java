package org.automations.versions;

import java.util.List;

/**
 * How a class's declaration changed between two versions: nodes added, removed, and changed (type,
 * description, modifiers or successors), by name in declaration order.
 */
public record DeclarationChanges(String fromVersion, String toVersion, List<String> added, List<String> removed,
        List<String> changed) {

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
