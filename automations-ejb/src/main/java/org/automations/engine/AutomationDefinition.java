package org.automations.engine;

import jakarta.persistence.Entity;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.flow.Automation;
import org.automations.flow.Meta;
import org.automations.flow.AutomationBinding;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.ModelForm;
import org.automations.flow.Node;
import org.automations.flow.Repeat;
import org.automations.flow.Split;
import org.automations.flow.Unique;
import org.automations.versions.Declaration;

/**
 * The checked structure of one automation class: its nodes in declaration order, where each node
 * continues, and which Split each Join closes. Built once per class, at deployment, from a prototype
 * instance; every problem is reported with class, node and what is wrong.
 */
public final class AutomationDefinition {

    private final Class<? extends Automation> type;
    private final List<String> nodeNames;
    private final Map<String, Node> prototypeNodes;
    private final Map<String, String> splitOfJoin;
    private final Map<String, Integer> pathsOfJoin;
    private final String[] uniqueFields;
    private final Receivers receivers;
    private final boolean stepSavepoints;
    private volatile String version;

    private AutomationDefinition(Class<? extends Automation> type, List<Node> nodes, Map<String, String> splitOfJoin) {
        this.type = type;
        List<String> names = new ArrayList<>();
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node node : nodes) {
            names.add(node.getName());
            byName.put(node.getName(), node);
        }
        this.nodeNames = Collections.unmodifiableList(names);
        this.prototypeNodes = Collections.unmodifiableMap(byName);
        this.splitOfJoin = Collections.unmodifiableMap(splitOfJoin);
        Map<String, Integer> paths = new LinkedHashMap<>();
        splitOfJoin.forEach((join, split) -> paths.put(join, ((Split) byName.get(split)).getPaths().size()));
        this.pathsOfJoin = Collections.unmodifiableMap(paths);
        Meta meta = type.getAnnotation(Meta.class);
        this.stepSavepoints = meta == null || meta.stepSavepoints();
        Unique unique = type.getAnnotation(Unique.class);
        this.uniqueFields = unique == null ? null : unique.value();
        this.receivers = Receivers.of(type);
    }

    /** Constructs a prototype of the class (without injection), binds and checks it. */
    public static AutomationDefinition of(Class<? extends Automation> type) {
        Automation prototype = construct(type);
        List<Node> nodes = AutomationBinding.bind(prototype);
        return check(type, nodes);
    }

    /** Checks the nodes bound to an instance of the class. */
    public static AutomationDefinition check(Class<? extends Automation> type, List<Node> nodes) {
        String cls = type.getName();
        if (nodes.isEmpty()) {
            throw new AutomationDefinitionException(cls + ": declares no nodes; an automation needs at least one node field");
        }
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node node : nodes) {
            byName.put(node.getName(), node);
        }
        for (Node node : nodes) {
            checkNode(type, node, byName, nodes);
        }
        Map<String, String> splitOfJoin = new SplitJoinMatcher(type, nodes, byName).match();
        return new AutomationDefinition(type, nodes, splitOfJoin);
    }

    private static void checkNode(Class<? extends Automation> type, Node node, Map<String, Node> byName, List<Node> nodes) {
        String where = type.getName() + ": node '" + node.getName() + "' (" + node.getClass().getSimpleName() + ") ";
        if (node.getName().startsWith("_")) {
            throw new AutomationDefinitionException(where + "has a name beginning with '_', which is reserved");
        }
        if (!node.getProblems().isEmpty()) {
            throw new AutomationDefinitionException(where + node.getProblems().get(0));
        }
        for (String reference : node.getReferences()) {
            if (!byName.containsKey(reference)) {
                throw new AutomationDefinitionException(where + "refers to the unknown node '" + reference + "'; known nodes: "
                        + String.join(", ", byName.keySet()));
            }
        }
        if (node instanceof ModelForm modelForm && !modelForm.getEntity().isAnnotationPresent(Entity.class)) {
            throw new AutomationDefinitionException(where + "edits " + modelForm.getEntity().getName()
                    + ", which is not a JPA @Entity");
        }
        if (node instanceof Form form && !hasNoArgumentConstructor(form.getFormBean())) {
            throw new AutomationDefinitionException(where + "uses the form bean " + form.getFormBean().getName()
                    + ", which needs a no-argument constructor");
        }
        if (node instanceof If conditional && conditional.getThen() == null) {
            throw new AutomationDefinitionException(where + "has no .then(...); an If needs one");
        }
        if (node instanceof Execute execute && execute.isThreaded() && execute.getOnError() != null) {
            throw new AutomationDefinitionException(where + "combines .threaded() with .onError(); a threaded step cannot"
                    + " redirect the automation, which has moved on already");
        }
        if (node instanceof Split split && split.getPaths().size() < 2) {
            throw new AutomationDefinitionException(where + "has " + split.getPaths().size()
                    + " path(s); a Split needs .next(...) for at least two paths");
        }
        if (node instanceof Repeat repeat && repeat.getAt() != null
                && (repeat.getInterval() == null || repeat.getInterval().toHours() < 24)) {
            throw new AutomationDefinitionException(where + "uses .at(" + repeat.getAt()
                    + ") without a daily or longer interval; add .everyDay() or .everyNDays(n)");
        }
        boolean last = nodes.get(nodes.size() - 1) == node;
        if (last && fallsThrough(node)) {
            throw new AutomationDefinitionException(where + "is the last node and the automation can fall off its end"
                    + " after it; finish with End or Repeat, or give it .next(...)");
        }
    }

    /** True when the node can continue with "the next declared node". */
    private static boolean fallsThrough(Node node) {
        if (node instanceof End || node instanceof Repeat || node instanceof Split) {
            return false;
        }
        if (node.getNext() != null) {
            return false;
        }
        if (node instanceof If conditional) {
            return conditional.getThen() == null || conditional.getThen().node() == null
                    || conditional.getOtherwise() == null || conditional.getOtherwise().node() == null;
        }
        return true;
    }

    private static boolean hasNoArgumentConstructor(Class<?> bean) {
        try {
            bean.getDeclaredConstructor();
            return !Modifier.isAbstract(bean.getModifiers()) && !bean.isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Automation construct(Class<? extends Automation> type) {
        String cls = type.getName();
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new AutomationDefinitionException(cls + ": is abstract; only concrete classes are automations");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new AutomationDefinitionException(cls + ": is an inner class; declare it static or top-level");
        }
        try {
            Constructor<? extends Automation> constructor = type.getDeclaredConstructor();
            if (Modifier.isPrivate(constructor.getModifiers())) {
                throw new AutomationDefinitionException(cls + ": its no-argument constructor is private");
            }
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new AutomationDefinitionException(cls + ": needs a public or package-private no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new AutomationDefinitionException(cls + ": its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AutomationDefinitionException(cls + ": cannot be constructed: " + e, e);
        }
    }

    // ---- navigation ------------------------------------------------------------------------------

    public Class<? extends Automation> getType() {
        return type;
    }

    public String getClassName() {
        return type.getName();
    }

    /** The version of this declaration (see {@link Declaration}), computed once. */
    public String getVersion() {
        String known = version;
        if (known == null) {
            known = Declaration.of(this).version();
            version = known;
        }
        return known;
    }

    public List<String> getNodeNames() {
        return nodeNames;
    }

    public String firstNode() {
        return nodeNames.get(0);
    }

    /** The node declared after this one, or null for the last. */
    public String declaredAfter(String node) {
        int index = nodeNames.indexOf(node);
        return index < 0 || index + 1 >= nodeNames.size() ? null : nodeNames.get(index + 1);
    }

    /** Where a node continues when it completes normally (its .next or the next declared node). */
    public String successor(Node node) {
        if (node instanceof Repeat repeat) {
            if (repeat.getStart() != null) {
                return repeat.getStart();
            }
            return repeat.getNext() != null ? repeat.getNext() : firstNode();
        }
        return node.getNext() != null ? node.getNext() : declaredAfter(node.getName());
    }

    /** The Split a Join closes, or null. */
    public String splitOf(String join) {
        return splitOfJoin.get(join);
    }

    /** How many paths must arrive at a Join (1 for a Join that closes no Split). */
    public int pathsOf(String join) {
        return pathsOfJoin.getOrDefault(join, 1);
    }

    /** The nodes of the prototype (for structure views; their callables belong to no live instance). */
    public Map<String, Node> getPrototypeNodes() {
        return prototypeNodes;
    }

    public Receivers getReceivers() {
        return receivers;
    }

    /** False when the class opted out of a savepoint per step ({@code @Meta(stepSavepoints = false)}). */
    public boolean hasStepSavepoints() {
        return stepSavepoints;
    }

    public boolean isUnique() {
        return uniqueFields != null;
    }

    /** The @Unique parameter names (empty for a singleton), or null when the class is not unique. */
    public List<String> getUniqueFields() {
        return uniqueFields == null ? null : Arrays.asList(uniqueFields);
    }

    @Override
    public String toString() {
        return "AutomationDefinition " + type.getName() + " " + nodeNames;
    }

    /** Pairs every Split with the Join where all its paths meet (paths ending in a Repeat loop need none). */
    private static final class SplitJoinMatcher {
        private static final String LOOP = "\u0000loop";
        private final Class<? extends Automation> type;
        private final List<Node> nodes;
        private final Map<String, Node> byName;
        private final Map<String, String> joinOfSplit = new LinkedHashMap<>();

        SplitJoinMatcher(Class<? extends Automation> type, List<Node> nodes, Map<String, Node> byName) {
            this.type = type;
            this.nodes = nodes;
            this.byName = byName;
        }

        Map<String, String> match() {
            Map<String, String> splitOfJoin = new LinkedHashMap<>();
            for (Node node : nodes) {
                if (node instanceof Split split) {
                    String join = joinOf(split, new LinkedHashSet<>());
                    if (join == null) {
                        continue;
                    }
                    String other = splitOfJoin.put(join, split.getName());
                    if (other != null) {
                        throw new AutomationDefinitionException(type.getName() + ": node '" + join
                                + "' (Join) closes two Splits ('" + other + "' and '" + split.getName()
                                + "'); give each Split its own Join");
                    }
                }
            }
            return splitOfJoin;
        }

        /** The Join of a Split, or null when every path loops through a Repeat. */
        private String joinOf(Split split, Set<String> splitsInProgress) {
            if (joinOfSplit.containsKey(split.getName())) {
                return joinOfSplit.get(split.getName());
            }
            if (!splitsInProgress.add(split.getName())) {
                return null;
            }
            Set<String> joins = new LinkedHashSet<>();
            for (String path : split.getPaths()) {
                Set<String> ends = new LinkedHashSet<>();
                walk(path, new LinkedHashSet<>(), ends, splitsInProgress);
                ends.remove(LOOP);
                if (ends.contains(null)) {
                    throw new AutomationDefinitionException(type.getName() + ": node '" + split.getName()
                            + "' (Split) has no matching Join: its path starting at '" + path
                            + "' ends without reaching a Join");
                }
                joins.addAll(ends);
            }
            if (joins.size() > 1) {
                throw new AutomationDefinitionException(type.getName() + ": node '" + split.getName()
                        + "' (Split) has paths meeting at different Joins " + joins + "; all paths must meet at one Join");
            }
            String join = joins.isEmpty() ? null : joins.iterator().next();
            joinOfSplit.put(split.getName(), join);
            return join;
        }

        /** Collects where a path ends: a Join name, LOOP for a Repeat, null for an End or the end of the class. */
        private void walk(String name, Set<String> visited, Set<String> ends, Set<String> splitsInProgress) {
            if (name == null) {
                ends.add(null);
                return;
            }
            if (!visited.add(name)) {
                return; // a cycle inside the path: its other exits decide
            }
            Node node = byName.get(name);
            if (node instanceof Join) {
                ends.add(name);
            } else if (node instanceof Repeat) {
                ends.add(LOOP);
            } else if (node instanceof End) {
                ends.add(null);
            } else if (node instanceof Split inner) {
                String innerJoin = joinOf(inner, splitsInProgress);
                if (innerJoin == null) {
                    ends.add(LOOP);
                } else {
                    walk(successorOf(byName.get(innerJoin)), visited, ends, splitsInProgress);
                }
            } else {
                for (String next : successors(node)) {
                    walk(next, visited, ends, splitsInProgress);
                }
            }
        }

        private List<String> successors(Node node) {
            List<String> next = new ArrayList<>();
            if (node instanceof If conditional) {
                next.add(branchTarget(node, conditional.getThen()));
                next.add(branchTarget(node, conditional.getOtherwise()));
            } else {
                next.add(successorOf(node));
            }
            if (node instanceof Execute execute && execute.getOnError() != null) {
                next.add(execute.getOnError());
            }
            return next;
        }

        private String branchTarget(Node node, If.Branch branch) {
            return branch != null && branch.node() != null ? branch.node() : successorOf(node);
        }

        private String successorOf(Node node) {
            if (node.getNext() != null) {
                return node.getNext();
            }
            int index = nodes.indexOf(node);
            return index + 1 < nodes.size() ? nodes.get(index + 1).getName() : null;
        }
    }
}
