package org.automations.demo;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.flow.Receive;
import org.automations.flow.StatusTemplate;
import org.automations.flow.Unique;
import org.automations.model.AutomationTaskModel;

/**
 * Double opt-in (the manual's newsletter example): a confirmation link is mailed; the confirmation
 * page sends the message "confirm" with an {@code <atm:hook/>} and shows the subscription with
 * {@code <atm:status/>}; once confirmed, the welcome mail goes out. Create it with {@code email}.
 */
@Meta(verboseName = "Newsletter subscription", verboseNamePlural = "Newsletter subscriptions",
        publishReceivers = true,
        statusTemplates = @StatusTemplate(path = "/WEB-INF/automations/newsletter-status.xhtml",
                name = "Subscription status"))
@Unique({"email"})
public class NewsletterSignup extends Automation {

    @Inject
    WebinarMailer mailer;

    Execute sendConfirmation = new Execute(this::sendConfirmation).description("Mail the confirmation link");
    Execute welcome = new Execute(this::welcome).asSoonAs(this::confirmed)
            .description("Welcome the subscriber once the link was followed");
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
        }
        return "received";
    }
}
