package org.automations.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * The MicroProfile Config settings of task notifications. Read on every use, not once: a system property
 * set on a running server ({@code /system-property=automations.notifications.enabled:add(value=true)})
 * takes effect at once.
 */
@ApplicationScoped
public class NotificationSettings {

    /** The one switch: off by default. */
    public static final String ENABLED = "automations.notifications.enabled";
    /** Where the task pages are, as the recipients' browsers reach them; the mail links to {@code <base-url>/tasks/<id>}. */
    public static final String BASE_URL = "automations.notifications.base-url";
    /** The JNDI name of the Jakarta Mail session (configure.cli sets it up). */
    public static final String MAIL_SESSION = "automations.notifications.mail-session";

    @Inject
    Config config;

    public boolean enabled() {
        return config.getOptionalValue(ENABLED, Boolean.class).orElse(false);
    }

    public String baseUrl() {
        String url = config.getOptionalValue(BASE_URL, String.class).orElse("http://localhost:8080/automations");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String mailSessionName() {
        return config.getOptionalValue(MAIL_SESSION, String.class).orElse("java:jboss/mail/Automations");
    }

    /**
     * The mail session, looked up when a mail is sent (not injected): the application deploys on a
     * server without it as long as notifications stay off.
     */
    public Session mailSession() throws NamingException {
        return InitialContext.doLookup(mailSessionName());
    }
}
