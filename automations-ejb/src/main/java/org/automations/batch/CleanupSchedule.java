package org.automations.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.engine.EngineSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts history-cleanup every day at {@code automations.history-cleanup.schedule} ("HH:MM" in
 * {@code automations.time-zone}; "off", the default, schedules nothing) with
 * {@code automations.history-cleanup.days}. The timer is not persistent, so on several servers each
 * fires: a server that finds an execution started within the last day still running leaves the work
 * to it. Should two start at the same instant, both stay harmless: a row is deleted by whichever locks
 * it first and the other skips it.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupSchedule {

    private static final Logger LOG = Logger.getLogger(CleanupSchedule.class.getName());
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    /** A running execution older than this is taken for the leftover of a crashed server. */
    private static final Duration STALE = Duration.ofHours(23);

    @Inject
    @ConfigProperty(name = "automations.history-cleanup.schedule", defaultValue = "off")
    String schedule;

    @Inject
    @ConfigProperty(name = "automations.history-cleanup.days", defaultValue = "30")
    int days;

    @Inject
    EngineSettings settings;

    @Inject
    HistoryCleanup cleanup;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        Optional<ScheduleExpression> daily = daily(schedule);
        if (daily.isEmpty()) {
            return;
        }
        CleanupParameters.days(Integer.toString(days)); // a wrong setting fails the deployment, not the night
        timers.createCalendarTimer(daily.get().timezone(settings.timeZone().getId()),
                new TimerConfig("history-cleanup", false));
        LOG.info(() -> "history-cleanup scheduled daily at " + schedule.trim() + " (" + settings.timeZone()
                + "), days=" + days);
    }

    @Timeout
    void startCleanup() {
        Optional<CleanupExecution> running = cleanup.running(STALE);
        if (running.isPresent()) {
            LOG.info(() -> "history-cleanup not started: execution " + running.get().id() + " is still running");
            return;
        }
        long id = cleanup.startScheduled(days);
        LOG.info(() -> "history-cleanup started by its schedule: execution " + id + ", days=" + days);
    }

    /** "off" or blank: none; "HH:MM": every day at that time. */
    static Optional<ScheduleExpression> daily(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Matcher time = TIME.matcher(text);
        if (!time.matches()) {
            throw new IllegalArgumentException("automations.history-cleanup.schedule = '" + value
                    + "' is neither 'off' nor a time of day like 03:30");
        }
        return Optional.of(new ScheduleExpression().hour(Integer.parseInt(time.group(1)))
                .minute(Integer.parseInt(time.group(2))).second(0));
    }
}
