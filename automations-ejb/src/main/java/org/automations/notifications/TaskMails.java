package org.automations.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the mails of one notification, on a managed thread after the step's commit: reads the task as
 * committed ({@link NoticeReader}), then mails each person who may process it, one mail each (nobody
 * sees the others' addresses). Every failure ends here as a WARNING naming the task and its automation;
 * the automation never learns of it.
 */
@ApplicationScoped
public class TaskMails {

    /** TaskNotifications' logger: one category to watch (or silence) for everything about notifications. */
    private static final Logger LOG = Logger.getLogger(TaskNotifications.class.getName());

    private static final String TIMEOUT_MILLIS = "30000";

    @Inject
    NoticeReader reader;

    @Inject
    NotificationSettings settings;

    /** @param about the task and its automation, for the log */
    public void send(TaskNotifications.Kind kind, long taskId, String about) {
        try {
            Optional<TaskNotice> read = reader.read(kind, taskId);
            if (read.isEmpty()) {
                LOG.fine(() -> "No mail about " + about + " (" + kind + "): it no longer waits for a person");
                return;
            }
            TaskNotice notice = read.get();
            if (notice.recipients().isEmpty()) {
                LOG.info(() -> "No mail about " + notice + " (" + kind + "): none of the people who may process it"
                        + " has an address in the realm");
                return;
            }
            Session session = settings.mailSession();
            boundTimeouts(session);
            String baseUrl = settings.baseUrl();
            Transport transport = session.getTransport("smtp");
            transport.connect();
            try {
                for (TaskNotice.Recipient recipient : notice.recipients()) {
                    try {
                        MimeMessage message = message(session, notice, recipient, baseUrl);
                        transport.sendMessage(message, message.getAllRecipients());
                    } catch (MessagingException e) {
                        LOG.log(Level.WARNING, "Could not mail " + recipient.user() + " <" + recipient.address()
                                + "> about " + notice + " (" + kind + "): " + e, e);
                    }
                }
            } finally {
                transport.close();
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Could not mail about " + about + " (" + kind + "): " + e, e);
        }
    }

    /**
     * Jakarta Mail waits forever by default, and WildFly's SMTP server resource has no timeout attribute:
     * an SMTP server that accepts and never answers would hold a managed thread (shared with the engine's
     * after-commit runs) for good. A session that sets its own timeouts keeps them.
     */
    private static void boundTimeouts(Session session) {
        for (String key : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            session.getProperties().putIfAbsent(key, TIMEOUT_MILLIS);
        }
    }

    private static MimeMessage message(Session session, TaskNotice notice, TaskNotice.Recipient recipient,
            String baseUrl) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(); // the session's mail.from (the mail session's "from" attribute)
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.address(), true));
        message.setSubject(notice.subject(), "UTF-8");
        message.setText(notice.text(recipient.user(), baseUrl), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies to it
        return message;
    }
}
