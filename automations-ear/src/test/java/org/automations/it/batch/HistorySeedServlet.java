package org.automations.it.batch;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Test-only: POST writes a known history (120 old finished automations with 2 tasks each, 7 recent
 * finished, 5 old running) into empty tables; GET tells how many automations and tasks there are.
 */
@WebServlet("/it/history-seed")
public class HistorySeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        try {
            HistoryRows.deleteAll(dataSource);
            HistoryRows rows = new HistoryRows(dataSource, 6_000_000);
            rows.insert(120, "FINISHED", Instant.now().minus(Duration.ofDays(45)), 2);
            rows.insert(7, "FINISHED", Instant.now().minus(Duration.ofDays(3)), 2);
            rows.insert(5, "RUNNING", Instant.now().minus(Duration.ofDays(45)), 1);
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        response.getWriter().print("seeded");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        try {
            response.getWriter().print("automations=" + HistoryRows.count(dataSource, "select count(*) from atm_automation")
                    + " tasks=" + HistoryRows.count(dataSource, "select count(*) from atm_task"));
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }
}
