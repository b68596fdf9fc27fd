package org.automations.demo;

import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * The manual's first example (chapter 2.3): welcome mail, a reminder shortly before the webinar, a
 * replay offer 2.5 hours after the reminder. Create it with {@code email} and {@code start} (ISO-8601).
 */
@Meta(verboseName = "Webinar preparation", verboseNamePlural = "Webinar preparations",
        dashboardTemplate = "/WEB-INF/demo/webinar-dashboard-item.xhtml")
public class WebinarWorkflow extends Automation {

    @Inject
    WebinarMailer mailer;

    Execute start = new Execute(this::init).description("Check the registration");
    Execute sendWelcomeMail = new Execute(this::welcome).description("Send the welcome mail");
    Execute sendReminder = new Execute(this::remind).afterWaitingUntil(this::reminderTime)
            .description("Remind the participant 30 minutes before the start");
    Execute sendReplayOffer = new Execute(this::replay).afterWaitingFor(Duration.ofMinutes(150))
            .description("Offer the replay");
    End end = new End();

    /** The dashboard item shows the latest five registrations of the period (the query is newest first). */
    @Override
    public Map<String, Object> getDashboardContext(TypedQuery<AutomationModel> automations) {
        List<String> latest = automations.setMaxResults(5).getResultStream()
                .map(model -> model.getData().getString("email")).filter(Objects::nonNull).toList();
        return Map.of("latestRegistrations", latest);
    }

    void init(AutomationTaskModel task) {
        if (task.getData().getString("start") == null) {
            task.getData().put("start", Instant.now().plus(Duration.ofDays(1)).toString());
        }
    }

    Object welcome(AutomationTaskModel task) {
        mailer.send(task.getData().getString("email"), "Welcome to the webinar");
        return "sent";
    }

    Instant reminderTime(AutomationTaskModel task) {
        return Instant.parse(task.getData().getString("start")).minus(Duration.ofMinutes(30));
    }

    Object remind(AutomationTaskModel task) {
        mailer.send(task.getData().getString("email"), "The webinar starts in 30 minutes");
        return "sent";
    }

    void replay(AutomationTaskModel task) {
        mailer.send(task.getData().getString("email"), "Watch the replay");
    }
}
