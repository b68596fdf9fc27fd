package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import org.automations.web.PageTimes;
import org.automations.engine.RunningSteps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automations.admin.FailedAutomations;
import org.automations.admin.FailedAutomations.FailedClass;
import org.automations.admin.FailedAutomations.Failure;
import org.automations.admin.FailedAutomations.ObsoleteNode;
import org.automations.web.Messages;
import org.omnifaces.util.Faces;

/**
 * The errors page (/errors): failed automations grouped by class with retry, skip and kill, and
 * the tasks waiting at removed nodes. Each action ({@link InstanceActions}, as on the history page)
 * answers with a redirect to the page (so a reload does not repeat it) carrying a flash message that
 * says what became of the automation.
 */
@Named
@RequestScoped
public class ErrorsPage {

    /** Failures listed per class; the heading gives the full count. */
    static final int SHOWN_PER_CLASS = 50;

    @Inject
    FailedAutomations failed;

    @Inject
    RunningSteps runningSteps;

    @Inject
    InstanceActions actions;

    private List<FailedClass> failedClasses;
    private final Map<String, List<Failure>> failures = new HashMap<>();
    private List<ObsoleteNode> obsoleteNodes;

    /** Read once per request: Faces evaluates a repeat's value in several phases. */
    public List<FailedClass> getFailedClasses() {
        if (failedClasses == null) {
            failedClasses = failed.failedClasses();
        }
        return failedClasses;
    }

    public List<Failure> failures(FailedClass group) {
        return failures.computeIfAbsent(group.className(), name -> failed.failures(name, SHOWN_PER_CLASS));
    }

    public boolean truncated(FailedClass group) {
        return group.count() > SHOWN_PER_CLASS;
    }

    public int getShownPerClass() {
        return SHOWN_PER_CLASS;
    }

    public List<ObsoleteNode> getObsoleteNodes() {
        if (obsoleteNodes == null) {
            obsoleteNodes = failed.obsoleteNodes();
        }
        return obsoleteNodes;
    }

    /** The Execute steps running on this server now, longest first (a stuck step shows here). */
    public List<RunningSteps.Step> getRunningSteps() {
        return runningSteps.all();
    }

    public long seconds(Duration duration) {
        return duration.toSeconds();
    }

    public String format(Instant time) {
        return PageTimes.format(time);
    }

    public void retry(long automationId) {
        actions.retry(automationId, "errors");
    }

    public void skip(long automationId) {
        actions.skip(automationId, "errors");
    }

    /** Retries every failed automation of the class, e.g. after its code was fixed. */
    public void retryAll(FailedClass group) {
        FailedAutomations.RetryAll result = failed.retryAll(group.className());
        org.omnifaces.util.Messages.addFlashGlobalInfo(Messages.text("errors.retriedAll", group.verboseName(),
                result.retried(), result.finished(), result.running(), result.failedAgain(), result.refused()));
        Faces.redirect("errors");
    }

    public void kill(long automationId) {
        actions.kill(automationId, "errors");
    }
}
