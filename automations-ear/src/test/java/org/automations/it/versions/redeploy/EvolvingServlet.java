package org.automations.it.versions.redeploy;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.model.AutomationModel;

/**
 * Test-only, for RedeployMigrationIT, in both versions of the EAR. POST {@code ?create=n} starts n
 * {@link Evolving} automations (answers their ids, comma-separated); POST {@code ?tick} runs the tick;
 * POST {@code ?schemaClean=false|true} sets whether the server's next deployment cleans the schema;
 * GET {@code ?version} answers the deployed version of Evolving; GET {@code ?id=x} answers
 * {@code status via runVersion} of an automation.
 */
@WebServlet("/it/evolving")
public class EvolvingServlet extends HttpServlet {

    @Inject
    Automations automations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getParameter("schemaClean") != null) {
            // Read by the next deployment's SchemaMigration: RedeployMigrationIT keeps the first version's rows.
            System.setProperty("automations.schema.clean", request.getParameter("schemaClean"));
        } else if (request.getParameter("create") != null) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(request.getParameter("create")); i++) {
                ids.add(Long.toString(automations.create(Evolving.class, Map.of()).getId()));
            }
            response.getWriter().print(String.join(",", ids));
        } else {
            response.getWriter().print(automations.run());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getParameter("version") != null) {
            response.getWriter().print(automations.getDefinitionVersion(Evolving.class.getName()).orElse("none"));
            return;
        }
        AutomationModel model = automations.getModel(Long.parseLong(request.getParameter("id"))).orElseThrow();
        response.getWriter().print(model.getStatus() + " " + model.getData().get("via") + " " + model.getRunVersion());
    }
}
