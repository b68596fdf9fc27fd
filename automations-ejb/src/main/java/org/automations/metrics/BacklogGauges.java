package org.automations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The backlog as gauges: automations due now, the age of the oldest of them, open tasks waiting for a
 * person. All three come from one query, run at most once per {@link #FRESH} however many gauges are
 * read and however often the endpoint is scraped; the engine itself never runs it.
 */
@ApplicationScoped
public class BacklogGauges {

    private static final Logger LOG = Logger.getLogger(BacklogGauges.class.getName());

    /** How long one reading serves: a scrape reads three gauges, several scrapers may come at once. */
    static final Duration FRESH = Duration.ofSeconds(5);

    /**
     * One round trip through the two indexes the engine has anyway (atm_automation_next_run,
     * atm_task_awaits_person); it costs O(due + open tasks), never O(waiting automations).
     */
    private static final String QUERY = "select"
            + " (select count(*) from atm_automation where next_run <= ?),"
            + " (select min(next_run) from atm_automation where next_run <= ?),"
            + " (select count(*) from atm_task t join atm_automation a on a.id = t.automation_id"
            + " where t.awaits_person = true and a.finished = false)"; // as the task list counts them (OpenTasks)

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    /** What the last query found; NaN values when it failed (the database is down). */
    record Reading(Instant at, double due, double oldestDueSeconds, double openTasks) {
    }

    private Reading last;

    /** Through the registry's own gauge method (see EngineMetrics): the gauges read this bean, held by its context. */
    void register(@Observes Startup startup) {
        registry.gauge("automations.due", Tags.empty(), this, gauges -> gauges.reading().due());
        registry.gauge("automations.due.oldest.seconds", Tags.empty(), this, gauges -> gauges.reading().oldestDueSeconds());
        registry.gauge("automations.tasks.open", Tags.empty(), this, gauges -> gauges.reading().openTasks());
    }

    /**
     * A redeployment registers them again under the same names: the server's registry would keep these
     * (reading a destroyed bean) and hand them back instead.
     */
    @PreDestroy
    void unregister() {
        for (String name : List.of("automations.due", "automations.due.oldest.seconds", "automations.tasks.open")) {
            Gauge gauge = registry.find(name).gauge();
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }

    synchronized Reading reading() {
        Instant now = Instant.now();
        if (last == null || !now.isBefore(last.at().plus(FRESH))) {
            last = query(now);
        }
        return last;
    }

    private Reading query(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout(2);
            statement.setObject(1, at);
            statement.setObject(2, at);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                return new Reading(now, row.getLong(1), age, row.getLong(3));
            }
        } catch (SQLException | RuntimeException e) {
            // Said once when the readings stop; the gauges show NaN until the database answers again.
            boolean wasReading = last == null || !Double.isNaN(last.due());
            LOG.log(wasReading ? Level.WARNING : Level.FINE, "Backlog gauges: the database did not answer", e);
            return new Reading(now, Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
