package org.automations.it.tasks;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.automations.Automations;

/**
 * Test-only: two shipment checks for the Moderators, parcel A-1 overdue by an hour and parcel B-2 due
 * tomorrow; answers {@code overdue=<automation id>&due=<automation id>}.
 */
@WebServlet("/it/shipment-fixture")
public class ShipmentFixtureServlet extends HttpServlet {

    @Inject
    Automations automations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant now = Instant.now();
        long overdue = automations.create(ShipmentCheck.class,
                Map.of("parcel", "A-1", "due", now.minus(Duration.ofHours(1)).toString())).getId();
        long due = automations.create(ShipmentCheck.class,
                Map.of("parcel", "B-2", "due", now.plus(Duration.ofDays(1)).toString())).getId();
        response.setContentType("text/plain");
        response.getWriter().print("overdue=" + overdue + "&due=" + due);
    }
}
