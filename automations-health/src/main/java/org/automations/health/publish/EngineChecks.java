package org.automations.health.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The engine's checks as WildFly sees them: producers of this lib/ jar, each asking the check that the
 * EJB module published under its name ({@link #publish}, at the engine's start). This jar cannot see
 * the EJB module's classes, so the checks come to it, not the other way round; the map lives as long
 * as the EAR's class loader, so a redeployment starts with an empty one.
 */
@ApplicationScoped
public class EngineChecks {

    public static final String DATABASE = "automations-database";
    public static final String TICK = "automations-tick";
    public static final String WORKERS = "automations-workers";

    private static final Map<String, HealthCheck> PUBLISHED = new ConcurrentHashMap<>();

    /** Makes a check answer under its name (the engine's start). */
    public static void publish(String name, HealthCheck check) {
        PUBLISHED.put(name, check);
    }

    /** The engine stops: the name answers UP with "engine: not running in this deployment" ({@link #call}). */
    public static void withdraw(String name) {
        PUBLISHED.remove(name);
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> call(DATABASE);
    }

    @Produces
    @Readiness
    HealthCheck tick() {
        return () -> call(TICK);
    }

    @Produces
    @Liveness
    HealthCheck workers() {
        return () -> call(WORKERS);
    }

    /**
     * Without a published check, UP: WildFly's own readiness check {@code deployments-status} is DOWN
     * while the application is not deployed, and WildFly keeps the checks of a deployment that failed
     * registered after it is gone (seen with WildFly 39): those must not hold the server's readiness
     * DOWN once a good deployment has replaced it.
     */
    private static HealthCheckResponse call(String name) {
        HealthCheck check = PUBLISHED.get(name);
        if (check == null) {
            return HealthCheckResponse.named(name).withData("engine", "not running in this deployment").up().build();
        }
        return check.call();
    }
}
