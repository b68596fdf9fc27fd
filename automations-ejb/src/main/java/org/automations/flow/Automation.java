package org.automations.flow;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.automations.model.AutomationModel;

/**
 * Base class of every automation. Subclasses declare their steps as fields holding {@link Node}s;
 * nodes run in declaration order unless a modifier says otherwise. Instances are handed out by the
 * {@code Automations} service (create, find), never constructed by applications directly.
 */
public abstract class Automation {

    /** The automation whose field initializers are running on this thread (binding by construction). */
    private static final ThreadLocal<Automation> UNDER_CONSTRUCTION = new ThreadLocal<>();

    private final List<Node> constructedNodes = new ArrayList<>();
    private List<Node> nodes = List.of();
    private Map<String, Node> nodesByName = Map.of();
    private AutomationRuntime runtime;
    private AutomationModel model;
    private Data data = new Data();

    protected Automation() {
        UNDER_CONSTRUCTION.set(this);
    }

    static void registerConstructedNode(Node node) {
        Automation owner = UNDER_CONSTRUCTION.get();
        if (owner != null) {
            owner.constructedNodes.add(node);
        }
    }

    // ---- the seed's instance API -------------------------------------------------------------

    public long getId() {
        return requireModel().getId();
    }

    /** The instance's JSON data; during a step the same object as {@code task.getData()}. */
    public Data data() {
        return data;
    }

    /** Writes {@link #data()} at once (outside a step this is the only way to store changes). */
    public void save() {
        requireRuntime().save(this);
    }

    /** Runs until finished, a user task or a wait; returns the node where it stopped (null when finished). */
    public Node run() {
        return requireRuntime().run(this);
    }

    /** {@link #run()} on a container-managed thread; returns at once. */
    public void nice() {
        requireRuntime().nice(this);
    }

    /** True once ended, failed or killed. */
    public boolean isFinished() {
        return model == null || model.isFinished();
    }

    /** Deletes the instance and its tasks. */
    public void kill() {
        requireRuntime().kill(this);
    }

    /**
     * The secret key stored with the automation: 40 hex digits, 160 random bits chosen at creation
     * (not the seed's SHA-1 of class name and id, which anyone could compute). Null before creation.
     */
    public String getKey() {
        return model == null ? null : model.getKey();
    }

    public Object sendMessage(String message, String token, Map<String, Object> data) {
        return requireRuntime().sendMessage(this, message, token, data);
    }

    public String getVerboseName() {
        return verboseNameOf(userClass());
    }

    public String getVerboseNamePlural() {
        return verboseNamePluralOf(userClass());
    }

    /** The fully qualified name of the automation class. */
    public String getAutomationClassName() {
        return userClass().getName();
    }

    // ---- overridable hooks ---------------------------------------------------------------------

    /** Extra context for this class's dashboard item; empty by default. */
    public Map<String, Object> getDashboardContext(TypedQuery<AutomationModel> automations) {
        return Map.of();
    }

    /** Extra context for this automation's form pages; empty by default. */
    public Map<String, Object> getFormContext() {
        return Map.of();
    }

    /** Called before the first step when a CDI event created this instance (see {@link StartOn}). */
    protected void startedByEvent(Object event) {
    }

    // ---- additions -----------------------------------------------------------------------------

    /** The node with that name, or null. */
    public Node getNode(String name) {
        return nodesByName.get(name);
    }

    /** The nodes in declaration order. */
    public List<Node> getNodes() {
        return nodes;
    }

    /** The persistent state as last read or written by this object. */
    public AutomationModel getModel() {
        return model;
    }

    @Override
    public String toString() {
        return getAutomationClassName() + (model == null || model.getId() == null ? "" : "#" + model.getId());
    }

    // ---- static helpers shared with the engine ------------------------------------------------

    public static String verboseNameOf(Class<?> type) {
        Meta meta = type.getAnnotation(Meta.class);
        return meta == null || meta.verboseName().isEmpty() ? "Automation " + type.getSimpleName() : meta.verboseName();
    }

    public static String verboseNamePluralOf(Class<?> type) {
        Meta meta = type.getAnnotation(Meta.class);
        return meta == null || meta.verboseNamePlural().isEmpty()
                ? "Automations " + type.getSimpleName()
                : meta.verboseNamePlural();
    }

    // ---- engine access (through AutomationBinding) ---------------------------------------------

    Class<? extends Automation> userClass() {
        return AutomationBinding.userClass(getClass());
    }

    List<Node> takeConstructedNodes() {
        if (UNDER_CONSTRUCTION.get() == this) {
            UNDER_CONSTRUCTION.remove();
        }
        List<Node> taken = new ArrayList<>(constructedNodes);
        constructedNodes.clear();
        return taken;
    }

    void setNodes(List<Node> ordered, Map<String, Node> byName) {
        nodes = Collections.unmodifiableList(ordered);
        nodesByName = Collections.unmodifiableMap(byName);
    }

    void attach(AutomationRuntime runtime, AutomationModel model, Data data) {
        this.runtime = runtime;
        this.model = model;
        this.data = data;
    }

    AutomationRuntime getRuntime() {
        return requireRuntime();
    }

    private AutomationRuntime requireRuntime() {
        if (runtime == null) {
            throw new IllegalStateException(getAutomationClassName()
                    + " was not obtained from the Automations service (create or find); it cannot run");
        }
        return runtime;
    }

    private AutomationModel requireModel() {
        if (model == null || model.getId() == null) {
            throw new IllegalStateException(getAutomationClassName() + " has not been created yet");
        }
        return model;
    }
}
