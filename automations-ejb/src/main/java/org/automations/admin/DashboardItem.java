package org.automations.admin;

import java.util.Map;

/**
 * One automation class on the dashboard: its names, how many of its instances created in the period
 * run, have finished or have failed, and what its dashboard template gets. A class found only in the database
 * (no longer deployed) is "obsolete": no names, template or context.
 */
public final class DashboardItem {

    private final String className;
    private final String verboseName;
    private final String verboseNamePlural;
    private final boolean deployed;
    private final long running;
    private final long finished;
    private final long failed;
    private final String template;
    private final Map<String, Object> context;
    private final String contextError;

    DashboardItem(String className, String verboseName, String verboseNamePlural, boolean deployed, long running,
            long finished, long failed, String template, Map<String, Object> context, String contextError) {
        this.className = className;
        this.verboseName = verboseName;
        this.verboseNamePlural = verboseNamePlural;
        this.deployed = deployed;
        this.running = running;
        this.finished = finished;
        this.failed = failed;
        this.template = template;
        this.context = context;
        this.contextError = contextError;
    }

    /** The fully qualified class name. */
    public String getClassName() {
        return className;
    }

    public String getSimpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public String getVerboseName() {
        return verboseName;
    }

    public String getVerboseNamePlural() {
        return verboseNamePlural;
    }

    /** False for a class found in the database but not in the deployment. */
    public boolean isDeployed() {
        return deployed;
    }

    public boolean isObsolete() {
        return !deployed;
    }

    /** Instances created in the period that still run. */
    public long getRunning() {
        return running;
    }

    /** Instances created in the period that ended without an error (failed ones are not included). */
    public long getFinished() {
        return finished;
    }

    /** Instances created in the period that stopped with an error (not counted as finished). */
    public long getFailed() {
        return failed;
    }

    public long getTotal() {
        return running + finished + failed;
    }

    /** The class's {@code @Meta(dashboardTemplate)}, or "" for the default item. */
    public String getTemplate() {
        return template;
    }

    public boolean isCustomTemplate() {
        return !template.isEmpty();
    }

    /** What the class's {@code getDashboardContext} returned (empty for obsolete classes). */
    public Map<String, Object> getContext() {
        return context;
    }

    /** When the context hook threw: what went wrong, naming the class; null otherwise. */
    public String getContextError() {
        return contextError;
    }
}
