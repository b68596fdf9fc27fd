package org.automations.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.automations.engine.Tick;
import org.automations.health.publish.EngineChecks;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Ready while the tick keeps running: its last successful tick (or its start, before the first one) is
 * at most {@link #MISSED} intervals old. A tick that fails (the database is down), hangs or was stopped
 * makes the server not ready. Switched off by configuration ({@code automations.tick.enabled=false})
 * and never started, the tick is no reason to be unready: "tick: disabled".
 */
@ApplicationScoped
public class TickReadiness implements HealthCheck {

    static final String NAME = EngineChecks.TICK;
    /** Intervals without a tick before the server counts as not ready. */
    static final int MISSED = 3;

    @Inject
    Tick tick;

    @Override
    public HealthCheckResponse call() {
        Tick.State state = tick.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (state.interval() == null) {
            return response.withData("tick", "disabled").up().build();
        }
        Instant last = state.lastTick() != null ? state.lastTick() : state.started();
        Duration since = Duration.between(last, Instant.now());
        response.withData("tick", state.running() ? "running" : "stopped")
                .withData("interval", state.interval().toString())
                .withData("lastTick", state.lastTick() == null ? "none yet (started " + state.started() + ")" : state.lastTick().toString())
                .withData("sinceLastTick", since.toString());
        return response.status(since.compareTo(state.interval().multipliedBy(MISSED)) <= 0).build();
    }
}
