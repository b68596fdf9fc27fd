package org.automations.demo;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Meta;
import org.automations.flow.Receive;
import org.automations.flow.StatusTemplate;
import org.automations.flow.Unique;
import org.automations.model.AutomationTaskModel;

/**
 * Double opt-in (the manual's newsletter example): a confirmation link is mailed; the confirmation
 * page sends the message "confirm" with an {@code <atm:hook/>} and shows the subscription with
 * {@code <atm:status/>}; once confirmed, the welcome mail goes out (no polling: the message wakes
 * it). Create it with {@code email}.
 */
@Meta(verboseName = "Newsletter subscription", verboseNamePlural = "Newsletter subscriptions",
        publishReceivers = true,
        statusTemplates = @StatusTemplate(path = "/WEB-INF/automations/newsletter-status.xhtml",
                name = "Subscription status"))
@Unique({"email"})
public class NewsletterSignup extends Automation {

    @Inject
    WebinarMailer mailer;

    Execute sendConfirmation = new Execute(this::sendConfirmation).skipIf(this::confirmed)
            .description("Mail the confirmation link (not when the link created the subscription)");
    If alreadyConfirmed = new If(this::confirmed).then("welcome")
            .description("Confirmed already (a hook created it with the message)?");
    /** Costs nothing while it waits: the "confirm" message wakes it; unconfirmed ones end after a week. */
    Execute awaitConfirmation = new Execute().awaitMessage("confirm").skipAfter(Duration.ofDays(7))
            .description("Wait until the confirmation link is followed (a week at most)");
    If confirmedInTime = new If(this::confirmed).then("welcome").otherwise("end");
    Execute welcome = new Execute(this::welcome).description("Welcome the subscriber");
    End end = new End();

    void sendConfirmation(AutomationTaskModel task) {
        mailer.send(task.getData().getString("email"),
                "Please confirm: /automations/newsletter-confirm.xhtml?key=" + getKey());
    }

    boolean confirmed(AutomationTaskModel task) {
        return task.getData().getString("confirmed") != null;
    }

    void welcome(AutomationTaskModel task) {
        mailer.send(task.getData().getString("email"), "Welcome to the newsletter");
    }

    /** The confirmation page's hook; {@code data} holds the page's request parameters. */
    @Receive("confirm")
    public Object confirm(String token, Map<String, Object> data) {
        if (data().getString("confirmed") == null) {
            data().put("confirmed", Instant.now().toString());
            data().put("confirmedVia", data == null ? null : data.get("via"));
            save(); // as the manual's receivers do: written with the delivery
        }
        return "received";
    }
}
