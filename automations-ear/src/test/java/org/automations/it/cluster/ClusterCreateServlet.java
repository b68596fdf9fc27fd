package org.automations.it.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.automations.Automations;

/** Test-only: creates ClusterFlow automations without running them, so the ticks of both servers do. */
@WebServlet("/it/cluster-create")
public class ClusterCreateServlet extends HttpServlet {

    @Inject
    Automations automations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        String batch = request.getParameter("batch");
        for (int i = 0; i < count; i++) {
            automations.create(ClusterFlow.class, Map.of("batch", batch), false);
        }
        response.setContentType("text/plain");
        response.getWriter().print("created " + count);
    }
}
