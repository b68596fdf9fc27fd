package org.automations.it.versions;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Test-only, for MigrationPageIT. POST writes 30 {@link Migratable} automations that an older version
 * left waiting at the removed node "oldReview" (ids from 13 000 000) and answers the first id.
 */
@WebServlet("/it/migration-fixture")
public class MigrationFixtureServlet extends HttpServlet {

    static final long FIRST_ID = 13_000_000;
    static final int COUNT = 30;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            OldVersionRows.insert(dataSource, FIRST_ID, COUNT, "oldReview");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().print(FIRST_ID);
    }
}
