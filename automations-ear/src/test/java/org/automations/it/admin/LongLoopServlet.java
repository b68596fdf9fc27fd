package org.automations.it.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.automations.Automations;

/** Test-only: creates a {@link LongLoop} (it runs its 1 200 steps at once) and answers with its id. */
@WebServlet("/it/long-loop")
public class LongLoopServlet extends HttpServlet {

    @Inject
    Automations automations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = automations.create(LongLoop.class, Map.of()).getId();
        response.setContentType("text/plain");
        response.getWriter().print(id);
    }
}
