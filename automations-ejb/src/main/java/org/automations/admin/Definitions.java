package org.automations.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;
import org.automations.engine.Receivers;
import org.automations.flow.Automation;
import org.automations.flow.Node;
import org.automations.flow.RequireData;

/**
 * The deployed automation classes as other systems see them (the REST API): names, nodes, receivers
 * with their data requirements. Read from the registry the deployment checked; no database.
 */
@ApplicationScoped
public class Definitions {

    /** One deployed class. {@code uniqueFields} is empty unless the class is {@code @Unique}. */
    public record DefinitionInfo(String className, String simpleName, String verboseName, String verboseNamePlural,
            List<NodeInfo> nodes, List<ReceiverInfo> receivers, List<String> uniqueFields) {
    }

    public record NodeInfo(String name, String type, String description) {
    }

    public record ReceiverInfo(String message, List<Requirement> requires) {
    }

    /** A {@code @RequireData}: a value of that type (simple name of the Java type), or a string converting to it. */
    public record Requirement(String name, String type) {
    }

    @Inject
    AutomationRegistry registry;

    public List<DefinitionInfo> all() {
        return registry.all().stream().map(Definitions::describe).toList();
    }

    /** By fully qualified class name, or by simple name when exactly one deployed class has it. */
    public Optional<DefinitionInfo> find(String name) {
        return definition(name).map(Definitions::describe);
    }

    /** The deployed class by fully qualified or unambiguous simple name. */
    public Optional<Class<? extends Automation>> type(String name) {
        return definition(name).map(AutomationDefinition::getType);
    }

    /**
     * The {@code @RequireData} names of the message's receiver that the data does not satisfy; empty
     * when it does, or when the class has no receiver for it (a message an {@code awaitMessage} takes).
     */
    public List<String> unmetRequirements(String className, String message, Map<String, ?> data) {
        Method receiver = registry.find(className).orElseThrow().getReceivers().find(message);
        if (receiver == null) {
            return List.of();
        }
        List<String> unmet = new ArrayList<>();
        for (RequireData requirement : receiver.getAnnotationsByType(RequireData.class)) {
            if (data == null || !Receivers.converts(data.get(requirement.name()), requirement.type())) {
                unmet.add(requirement.name());
            }
        }
        return unmet;
    }

    private Optional<AutomationDefinition> definition(String name) {
        Optional<AutomationDefinition> exact = registry.find(name);
        if (exact.isPresent()) {
            return exact;
        }
        List<AutomationDefinition> bySimpleName = registry.all().stream()
                .filter(d -> d.getType().getSimpleName().equals(name)).toList();
        return bySimpleName.size() == 1 ? Optional.of(bySimpleName.get(0)) : Optional.empty();
    }

    private static DefinitionInfo describe(AutomationDefinition definition) {
        Class<? extends Automation> type = definition.getType();
        List<NodeInfo> nodes = definition.getNodeNames().stream().map(name -> {
            Node node = definition.getPrototypeNodes().get(name);
            return new NodeInfo(name, node.getClass().getSimpleName(), node.getDescription());
        }).toList();
        List<ReceiverInfo> receivers = definition.getReceivers().all().entrySet().stream()
                .map(e -> new ReceiverInfo(e.getKey(), Arrays.stream(e.getValue().getAnnotationsByType(RequireData.class))
                        .map(r -> new Requirement(r.name(), r.type().getSimpleName())).toList()))
                .toList();
        List<String> unique = definition.getUniqueFields() == null ? List.of() : definition.getUniqueFields();
        return new DefinitionInfo(definition.getClassName(), type.getSimpleName(), Automation.verboseNameOf(type),
                Automation.verboseNamePluralOf(type), nodes, receivers, unique);
    }
}
