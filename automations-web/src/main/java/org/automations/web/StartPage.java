package org.automations.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.AutomationInfo;
import org.automations.Automations;
import org.automations.demo.IssueDiscussion;
import org.automations.demo.NewsletterSignup;
import org.automations.demo.PartnerSync;
import org.automations.demo.WebinarWorkflow;
import org.automations.flow.Automation;
import org.automations.json.JsonValues;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;

/** The start page: the deployed automations, their counts, the latest instances, and demo starters. */
@Named
@RequestScoped
public class StartPage {

    private static final int LATEST = 15;

    @Inject
    Automations automations;

    private Map<String, Map<AutomationStatus, Long>> counts;
    private List<AutomationModel> latest;
    private Map<Long, List<String>> waiting;
    private String newSubscriptionKey;

    public List<AutomationInfo> getAutomations() {
        return automations.getAutomations();
    }

    public long count(String className, String status) {
        if (counts == null) {
            counts = automations.countByClassAndStatus();
        }
        return counts.getOrDefault(className, Map.of()).getOrDefault(AutomationStatus.valueOf(status), 0L);
    }

    /** Read once per request: Faces asks for a table's value several times. */
    public List<AutomationModel> getLatest() {
        if (latest == null) {
            latest = automations.getLatest(LATEST);
            waiting = automations.getWaitingAt(latest.stream().map(AutomationModel::getId).toList());
        }
        return latest;
    }

    public String waitingAt(AutomationModel model) {
        getLatest();
        return model.isFinished() ? "" : String.join(", ", waiting.getOrDefault(model.getId(), List.of()));
    }

    /** Automations' data and keys: only for callers with both view roles (the dashboard's). */
    public boolean isMayViewData() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("automations.view_automationmodel")
                && external.isUserInRole("automations.view_automationtaskmodel");
    }

    /** The key of the subscription this request started (for its confirmation link), or null. */
    public String getNewSubscriptionKey() {
        return newSubscriptionKey;
    }

    /** The class's verbose name in the user's language. */
    public String verboseName(String className) {
        return automations.getVerboseName(className, Messages.locale());
    }

    public String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Starts a webinar that begins in one hour: the welcome mail goes out now, the reminder in 30 minutes. */
    public void startWebinar() {
        String start = Instant.now().plus(Duration.ofHours(1)).toString();
        started(automations.create(WebinarWorkflow.class, Map.of("email", "ada@example.org", "start", start)));
    }

    /** With two mails pending, so that the Moderators group (jacob) gets a moderation task. */
    public void startIssueDiscussion() {
        started(automations.create(IssueDiscussion.class, Map.of("issueList", "Week " + Instant.now().toString()
                .substring(0, 10), "confCall", true, "pendingMails", 2)));
    }

    /** Mails a confirmation link (to the server log); the latest table links the confirmation page. */
    public void startNewsletter() {
        NewsletterSignup signup = automations.create(NewsletterSignup.class,
                Map.of("email", "reader-" + System.currentTimeMillis() + "@example.org"));
        newSubscriptionKey = signup.getKey();
        started(signup);
    }

    /** Fails at once (the demo partner API answers 503) and shows up on the errors page. */
    public void startPartnerSync() {
        started(automations.create(PartnerSync.class, Map.of("partner", "ACME")));
    }

    /** Says so, and makes the tables read again: they were read before the action ran. */
    private void started(Automation automation) {
        Messages.info("start.started", verboseName(automation.getAutomationClassName()), String.valueOf(automation.getId()));
        latest = null;
        counts = null;
    }

    /** An automation's data as key/value pairs, each value as compact JSON (strings without quotes). */
    public List<Map.Entry<String, String>> dataEntries(AutomationModel model) {
        return model.getData().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() instanceof String text ? text : JsonValues.write(e.getValue())))
                .toList();
    }

    /** "5 values": the summary of folded data. */
    public String valuesLabel(int count) {
        return Messages.text("start.data.values", count);
    }

    /** The next look in the user's language, or empty. */
    public String nextLook(AutomationModel model) {
        return model.getNextRun() == null ? "" : PageTimes.format(model.getNextRun());
    }
}
