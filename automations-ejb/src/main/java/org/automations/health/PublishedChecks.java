package org.automations.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.automations.health.publish.EngineChecks;

/**
 * Hands the engine's checks to the EAR's lib/ jar whose producers WildFly's MicroProfile Health finds
 * (it does not look into an EAR's EJB jar: {@link EngineChecks}); withdrawn when the application stops.
 */
@ApplicationScoped
public class PublishedChecks {

    @Inject
    DatabaseReadiness database;

    @Inject
    TickReadiness tick;

    @Inject
    WorkersLiveness workers;

    void publish(@Observes Startup startup) {
        EngineChecks.publish(EngineChecks.DATABASE, database);
        EngineChecks.publish(EngineChecks.TICK, tick);
        EngineChecks.publish(EngineChecks.WORKERS, workers);
    }

    @PreDestroy
    void withdraw() {
        EngineChecks.withdraw(EngineChecks.DATABASE);
        EngineChecks.withdraw(EngineChecks.TICK);
        EngineChecks.withdraw(EngineChecks.WORKERS);
    }
}
