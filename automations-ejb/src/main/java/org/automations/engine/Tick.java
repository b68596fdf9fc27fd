package org.automations.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tick: a non-persistent interval timer that advances due automations. It fires on every server
 * of a cluster; claiming rows (not this timer) keeps that safe. A tick still running when the next
 * fires makes the next one return at once instead of piling up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Tick {

    private static final Logger LOG = Logger.getLogger(Tick.class.getName());

    @Resource
    TimerService timers;

    @Inject
    EngineSettings settings;

    @Inject
    StepEngine engine;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (!settings.tickEnabled()) {
            LOG.info("Automations tick is switched off (automations.tick.enabled=false)");
            return;
        }
        Duration interval = settings.tickInterval();
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("automations-tick", false));
        LOG.info(() -> "Automations tick every " + interval);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int advanced = engine.runDue(Instant.now());
            if (advanced > 0) {
                LOG.fine(() -> "Tick advanced " + advanced + " automations");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Automations tick failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
