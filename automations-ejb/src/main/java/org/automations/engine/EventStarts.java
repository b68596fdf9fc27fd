package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.Automations;
import org.automations.flow.Automation;

/**
 * Starts automations for {@code @StartOn} events on a container-managed thread, so the code that
 * fired the event neither waits for the automation nor sees its failures (they stay on the automation).
 */
@ApplicationScoped
public class EventStarts {

    private static final Logger LOG = Logger.getLogger(EventStarts.class.getName());

    @Inject
    Automations automations;

    @Resource
    ManagedExecutorService threads;

    public void start(Class<? extends Automation> type, String startNode, Object event) {
        threads.submit(() -> {
            try {
                automations.startOnEvent(type, startNode, event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not start " + type.getName() + " for the event " + event, e);
            }
        });
    }
}
