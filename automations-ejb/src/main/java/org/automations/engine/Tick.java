package org.automations.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Schedule;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.metrics.EngineMetrics;

/**
 * The tick: a non-persistent interval timer that hands due automations to this server's
 * {@link Workers} and returns. It fires on every server of a cluster; claiming rows (not this timer)
 * keeps that safe. Ticks may overlap: an automation that a worker is advancing is not handed out
 * again. Also defines the workers' executor and watches the time limits of running steps.
 */
@ManagedExecutorDefinition(name = Workers.EXECUTOR, maxAsync = 64)
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

    @Inject
    StepWatchdog watchdog;

    @Inject
    EngineMetrics metrics;

    private volatile Timer timer;
    /** The interval of the last start; null while the tick was never started (switched off by configuration). */
    private volatile Duration interval;
    private volatile Instant started;
    /** When the last tick returned without an error. */
    private volatile Instant lastTick;

    /**
     * What readiness needs to know: whether the tick is expected to run and when it last did.
     *
     * @param interval null when the configuration switched the tick off and nobody started it
     * @param running false after {@link #stop()}: still expected (the server advances nothing by itself)
     */
    public record State(Duration interval, Instant started, Instant lastTick, boolean running) {
    }

    @PostConstruct
    void schedule() {
        if (!settings.tickEnabled()) {
            LOG.info("Automations tick is switched off (automations.tick.enabled=false)");
            return;
        }
        start(settings.tickInterval());
    }

    /** (Re)starts the tick with that interval (operators and tests; the configuration sets the first). */
    public synchronized void start(Duration interval) {
        stop();
        timer = timers.createIntervalTimer(interval.toMillis(), interval.toMillis(),
                new TimerConfig("automations-tick", false));
        this.interval = interval;
        started = Instant.now();
        LOG.info(() -> "Automations tick every " + interval);
    }

    /** Stops the tick; steps running now go on. Readiness turns DOWN three intervals after the last tick. */
    public synchronized void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Stops the tick as the configuration would ({@code automations.tick.enabled=false}): readiness says "disabled". */
    public synchronized void switchOff() {
        stop();
        interval = null;
        started = null;
        lastTick = null;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        long begin = System.nanoTime();
        try {
            engine.runDue(Instant.now(), false);
            lastTick = Instant.now();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Automations tick failed; the next tick tries again", e);
        } finally {
            metrics.tickTook(Duration.ofNanos(System.nanoTime() - begin));
        }
    }

    public State state() {
        return new State(interval, started, lastTick, timer != null);
    }

    /** Every second, whether the tick is on or not: steps past their time limit are failed. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "automations-step-watchdog")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void watch() {
        watchdog.failOverdueSteps();
    }
}
