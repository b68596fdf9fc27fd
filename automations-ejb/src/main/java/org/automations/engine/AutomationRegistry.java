package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.automations.flow.Automation;

/** The deployed automation classes, as found and checked by {@link AutomationDiscovery}. */
@ApplicationScoped
public class AutomationRegistry {

    @Inject
    AutomationDiscovery discovery;

    public Optional<AutomationDefinition> find(String className) {
        return Optional.ofNullable(discovery.definitions().get(className));
    }

    /** The definition of a deployed class; IllegalArgumentException naming it otherwise. */
    public AutomationDefinition require(Class<? extends Automation> type) {
        AutomationDefinition definition = discovery.definitions().get(type.getName());
        if (definition == null || definition.getType() != type) {
            throw new IllegalArgumentException(type.getName() + " is not a deployed automation: it must be a concrete"
                    + " subclass of org.automations.flow.Automation in a CDI bean archive of this application");
        }
        return definition;
    }

    public List<AutomationDefinition> all() {
        return discovery.definitions().values().stream()
                .sorted(Comparator.comparing(AutomationDefinition::getClassName))
                .toList();
    }
}
