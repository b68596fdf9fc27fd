package org.automations.demo;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Receive;
import org.automations.flow.RequireData;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;

/**
 * The manual's issue discussion cycle (chapter 3.2): an announcement, then three paths in parallel
 * (moderation by the Moderators group, a deadline warning, an optional conference call) that meet
 * before the evaluation. Create it with {@code issueList} (a name) and optionally {@code confCall},
 * {@code pendingMails} and {@code discussionDays} (7 by default; the warning comes a day before the
 * end). The message {@code mails} with {@code count} reports newly arrived mails to moderate.
 */
@Meta(verboseName = "Issue discussion", verboseNamePlural = "Issue discussions",
        taskSummary = "Issue list {issueList}: {pendingMails} mails to moderate")
public class IssueDiscussion extends Automation {

    static final int DISCUSSION_DAYS = 7;
    static final Duration MODERATION_ROUND = Duration.ofHours(1);

    @Inject
    WebinarMailer mailer;

    Execute start = new Execute(this::publishAnnouncement).description("Publish the announcement");
    Split parallel = new Split().next("moderation").next("warning").next("confCall");

    If moderation = new If(this::noNewMails).then("repeat").description("Any new mails to moderate?");
    Form moderate = new Form(MailModeration.class).group("Moderators").description("Moderate the new mails");
    If repeat = new If(this::moderationDeadlineReached).then("join").otherwise("moderation")
            .afterWaitingFor(this::untilNextRound);

    Execute warning = new Execute(this::sendDeadlineWarning).afterWaitingFor(this::untilWarning).next("join")
            .description("Warn that the deadline is near");

    If confCall = new If(this::confCallThisWeek).then("moderateCall").otherwise("join");
    Execute moderateCall = new Execute(this::blockCalendar).description("Block the calendar for the call");

    Join join = new Join();
    Execute evaluate = new Execute(this::evaluate).description("Evaluate the discussion");
    End end = new End();

    void publishAnnouncement(AutomationTaskModel task) {
        task.getData().put("deadline", Instant.now().plus(Duration.ofDays(discussionDays(task))).toString());
        mailer.send("list@example.org", "Issue list " + task.getData().getString("issueList") + " is open for discussion");
    }

    /** Mails that arrived for moderation: counted in the data, so the next round moderates them. */
    @Receive("mails")
    @RequireData(name = "count", type = Integer.class)
    public Object mailsArrived(String token, Map<String, Object> data) {
        Integer pending = data().getInt("pendingMails");
        int total = (pending == null ? 0 : pending) + Integer.parseInt(data.get("count").toString());
        data().put("pendingMails", total);
        save();
        return total + " mails to moderate";
    }

    private static int discussionDays(AutomationTaskModel task) {
        Integer days = task.getData().getInt("discussionDays");
        return days == null ? DISCUSSION_DAYS : Math.max(0, days);
    }

    /** A day before the deadline (at once for a discussion of a day or less). */
    Duration untilWarning(AutomationTaskModel task) {
        return Duration.ofDays(Math.max(0, discussionDays(task) - 1));
    }

    /** An hour between moderation rounds, less when the deadline comes sooner. */
    Duration untilNextRound(AutomationTaskModel task) {
        Duration left = Duration.between(Instant.now(), Instant.parse(task.getData().getString("deadline")));
        return left.isNegative() ? Duration.ZERO : left.compareTo(MODERATION_ROUND) < 0 ? left : MODERATION_ROUND;
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
