package org.automations.demo;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;

/**
 * The manual's issue discussion cycle (chapter 3.2): an announcement, then three paths in parallel
 * (moderation by the Moderators group, a deadline warning, an optional conference call) that meet
 * before the evaluation. Create it with {@code issueList} (a name) and optionally {@code confCall}.
 */
@Meta(verboseName = "Issue discussion", verboseNamePlural = "Issue discussions")
public class IssueDiscussion extends Automation {

    static final Duration DISCUSSION = Duration.ofDays(7);

    @Inject
    WebinarMailer mailer;

    Execute start = new Execute(this::publishAnnouncement).description("Publish the announcement");
    Split parallel = new Split().next("moderation").next("warning").next("confCall");

    If moderation = new If(this::noNewMails).then("repeat").description("Any new mails to moderate?");
    Form moderate = new Form(MailModeration.class).group("Moderators").description("Moderate the new mails");
    If repeat = new If(this::moderationDeadlineReached).then("join").otherwise("moderation")
            .afterWaitingFor(Duration.ofHours(1));

    Execute warning = new Execute(this::sendDeadlineWarning).afterWaitingFor(Duration.ofDays(6)).next("join")
            .description("Warn that the deadline is near");

    If confCall = new If(this::confCallThisWeek).then("moderateCall").otherwise("join");
    Execute moderateCall = new Execute(this::blockCalendar).description("Block the calendar for the call");

    Join join = new Join();
    Execute evaluate = new Execute(this::evaluate).description("Evaluate the discussion");
    End end = new End();

    void publishAnnouncement(AutomationTaskModel task) {
        task.getData().put("deadline", Instant.now().plus(DISCUSSION).toString());
        mailer.send("list@example.org", "Issue list " + task.getData().getString("issueList") + " is open for discussion");
    }

    boolean noNewMails(AutomationTaskModel task) {
        Integer pending = task.getData().getInt("pendingMails");
        return pending == null || pending == 0;
    }

    boolean moderationDeadlineReached(AutomationTaskModel task) {
        return !Instant.now().isBefore(Instant.parse(task.getData().getString("deadline")));
    }

    void sendDeadlineWarning(AutomationTaskModel task) {
        mailer.send("list@example.org", "The discussion closes tomorrow");
    }

    boolean confCallThisWeek(AutomationTaskModel task) {
        return Boolean.TRUE.equals(task.getData().getBoolean("confCall"));
    }

    Object blockCalendar(AutomationTaskModel task) {
        return "calendar blocked";
    }

    Object evaluate(AutomationTaskModel task) {
        return "evaluated " + task.getData().getString("issueList");
    }
}
