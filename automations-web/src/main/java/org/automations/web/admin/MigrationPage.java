package org.automations.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.AutomationInfo;
import org.automations.Automations;
import org.automations.MigrationPlan;
import org.automations.json.JsonValues;
import org.automations.versions.InstanceGroup;
import org.automations.versions.MigrationDryRun;
import org.automations.versions.MigrationExecution;
import org.automations.web.Messages;
import org.automations.web.PageTimes;

/**
 * The migration page ({@code /migrations?class=...}, both change roles, checked by {@link AdminPages}):
 * the class's running automations by version and waiting node, a plan (for each node waited at, the
 * node to continue at; data keys to set), its dry run, and the instance-migration job it starts,
 * followed by a poll until it ends.
 */
@Named
@ViewScoped
public class MigrationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    @Inject
    Automations automations;

    private String className;
    private List<InstanceGroup> groups = List.of();
    /** Node waited at -> node to continue at ("" or null: it stays). */
    private final Map<String, String> targets = new LinkedHashMap<>();
    private String data;
    private MigrationDryRun dryRun;
    private Long executionId;
    private MigrationExecution current;
    private List<MigrationExecution> executions;

    /** After the view parameters: reads the class's groups; an unknown class says so. */
    public void load() {
        if (className == null || className.isBlank()) {
            className = null;
            return;
        }
        groups = automations.getInstanceGroups(className);
        targets.clear();
        for (InstanceGroup group : groups) {
            targets.putIfAbsent(group.node(), "");
        }
        if (automations.getDefinitionVersion(className).isEmpty()) {
            Messages.error("migration.notDeployed", className);
        }
    }

    /** The "Dry run" button: what the plan would do, changing nothing. */
    public void dryRun() {
        MigrationPlan plan = plan();
        dryRun = plan == null ? null : automations.dryRunMigration(plan);
    }

    /** A target changed: the dry run shown no longer describes the plan. */
    public void planChanged() {
        dryRun = null;
    }

    /** The "Start the migration" button: starts the job for the plan the dry run showed. */
    public void start() {
        if (dryRun == null || !dryRun.executable()) {
            return;
        }
        try {
            executionId = automations.startMigration(dryRun.plan());
        } catch (IllegalArgumentException e) { // the automations changed since the dry run
            dryRun = automations.dryRunMigration(dryRun.plan());
            return;
        }
        current = automations.getMigration(executionId).orElse(null);
        dryRun = null;
        executions = null;
        Messages.info("migration.started", executionId);
    }

    /** Called by the poll: reads the execution again; when it has ended, the groups too. */
    public void refresh() {
        if (executionId != null) {
            current = automations.getMigration(executionId).orElse(null);
            if (current != null && !current.isRunning()) {
                load();
            }
        }
        executions = null;
    }

    private MigrationPlan plan() {
        MigrationPlan plan = MigrationPlan.of(className);
        for (Map.Entry<String, String> target : targets.entrySet()) {
            if (target.getValue() != null && !target.getValue().isBlank()) {
                plan = plan.move(target.getKey(), target.getValue());
            }
        }
        if (data != null && !data.isBlank()) {
            try {
                for (Map.Entry<String, Object> entry : JsonValues.parseObject(data).entrySet()) {
                    plan = plan.set(entry.getKey(), entry.getValue());
                }
            } catch (RuntimeException e) {
                Messages.error("migration.badData", e.getMessage());
                return null;
            }
        }
        return plan;
    }

    /** The nodes waited at, each once, in the order of the groups (largest first). */
    public List<String> getWaitingNodes() {
        return new ArrayList<>(targets.keySet());
    }

    /** Whether the deployed class still declares the node. */
    public boolean declared(String node) {
        return groups.stream().anyMatch(g -> g.node().equals(node) && g.declared());
    }

    /** How many automations wait at the node (all versions). */
    public long waiting(String node) {
        return groups.stream().filter(g -> g.node().equals(node)).mapToLong(InstanceGroup::count).sum();
    }

    public List<String> getMoveTargets() {
        return className == null ? List.of() : automations.getNodeNames(className);
    }

    /** The classes to choose from: the deployed ones. */
    public List<String> getClassNames() {
        return automations.getAutomations().stream().map(AutomationInfo::className).sorted().toList();
    }

    public String verboseName(String name) {
        return automations.getVerboseName(name, Messages.locale());
    }

    public String getCurrentVersion() {
        return className == null ? null : automations.getDefinitionVersion(className).orElse(null);
    }

    public boolean isRunning() {
        return current != null && current.isRunning();
    }

    public List<MigrationExecution> getExecutions() {
        if (executions == null) {
            executions = automations.getMigrations(LISTED);
        }
        return executions;
    }

    public String status(MigrationExecution execution) {
        return Messages.text("cleanup.status." + execution.status().name());
    }

    /** A plan as text: "a → b, c → d". */
    public String moves(MigrationPlan plan) {
        return plan == null ? "" : String.join(", ", plan.moves().entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).toList());
    }

    public String time(Instant time) {
        return PageTimes.format(time);
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public List<InstanceGroup> getGroups() {
        return groups;
    }

    public Map<String, String> getTargets() {
        return targets;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public MigrationDryRun getDryRun() {
        return dryRun;
    }

    public MigrationExecution getCurrent() {
        return current;
    }
}
