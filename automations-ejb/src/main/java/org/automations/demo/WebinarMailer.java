package org.automations.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** The demo's mail service: it writes to the server log instead of sending mail. */
@ApplicationScoped
public class WebinarMailer {

    private static final Logger LOG = Logger.getLogger(WebinarMailer.class.getName());

    public void send(String to, String subject) {
        LOG.info(() -> "Mail to " + to + ": " + subject);
    }
}
