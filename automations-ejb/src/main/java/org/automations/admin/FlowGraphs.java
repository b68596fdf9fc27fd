package org.automations.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.automations.engine.AutomationRegistry;

/** The flow graphs of the deployed automation classes, built once per class (definitions do not change). */
@ApplicationScoped
public class FlowGraphs {

    @Inject
    AutomationRegistry registry;

    private final Map<String, FlowGraph> graphs = new ConcurrentHashMap<>();

    /** The graph of a deployed class; empty when no class of that name is deployed (any more). */
    public Optional<FlowGraph> of(String className) {
        return registry.find(className).map(definition -> graphs.computeIfAbsent(className, c -> FlowGraph.of(definition)));
    }
}
