package org.automations.flow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.model.AutomationModel;

/**
 * Binds a freshly constructed automation to its nodes: every node registered itself while the
 * field initializers ran; here each is matched to the field holding it (by identity), which gives
 * nodes their names in declaration order. This is the engine's only door into an instance.
 */
public final class AutomationBinding {

    private AutomationBinding() {
    }

    /** Binds the nodes of a just-constructed instance; throws when a node is on no field or on two. */
    public static List<Node> bind(Automation automation) {
        Class<? extends Automation> type = userClass(automation.getClass());
        List<Node> constructed = automation.takeConstructedNodes();
        Map<Node, String> fieldOfNode = new IdentityHashMap<>();
        List<ModelRef<?>> refs = new ArrayList<>();
        for (Field field : instanceFields(type)) {
            Object value = read(field, automation);
            if (value instanceof Node node) {
                String previous = fieldOfNode.put(node, field.getName());
                if (previous != null) {
                    throw new AutomationDefinitionException(type.getName() + ": the same node is assigned to the fields '"
                            + previous + "' and '" + field.getName() + "'; every node needs a field of its own");
                }
            } else if (value instanceof ModelRef<?> ref) {
                ref.bind(field.getName(), automation);
                refs.add(ref);
            }
        }
        List<Node> ordered = new ArrayList<>();
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node node : constructed) {
            String name = fieldOfNode.remove(node);
            if (name == null) {
                throw new AutomationDefinitionException(type.getName() + ": a " + node.getClass().getSimpleName()
                        + " node (number " + (constructed.indexOf(node) + 1)
                        + " in declaration order) is not held by any field; declare every node as a field");
            }
            node.bind(name, type, automation);
            ordered.add(node);
            byName.put(name, node);
        }
        // Nodes held by fields but not constructed with this instance (e.g. shared static nodes).
        for (Map.Entry<Node, String> stray : fieldOfNode.entrySet()) {
            throw new AutomationDefinitionException(type.getName() + "." + stray.getValue()
                    + ": the node was not created while this automation was constructed (static or shared node);"
                    + " declare it with an instance field initializer");
        }
        automation.setNodes(ordered, byName);
        return ordered;
    }

    /** Attaches the engine and the persistent state to an instance. */
    public static void attach(Automation automation, AutomationRuntime runtime, AutomationModel model, Data data) {
        automation.attach(runtime, model, data);
    }

    /** Calls the protected {@link Automation#startedByEvent} hook. */
    public static void startedByEvent(Automation automation, Object event) {
        automation.startedByEvent(event);
    }

    /** The automation class itself when a container generated a subclass of it. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Automation> userClass(Class<?> type) {
        Class<?> current = type;
        while (current.getSuperclass() != null && current.getSuperclass() != Automation.class
                && (current.isSynthetic() || current.getName().contains("$$") || current.getName().contains("$Proxy$"))) {
            current = current.getSuperclass();
        }
        return (Class<? extends Automation>) current;
    }

    /** The instance fields of each automation class, made accessible once (binding runs for every step). */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = collectInstanceFields(type);
            fields.removeIf(field -> !field.trySetAccessible());
            return List.copyOf(fields);
        }
    };

    private static List<Field> instanceFields(Class<?> type) {
        return FIELDS.get(type);
    }

    private static List<Field> collectInstanceFields(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Automation.class && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
