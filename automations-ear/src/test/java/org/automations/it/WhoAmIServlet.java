package org.automations.it;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Test-only page behind FORM login that tells who is logged in and which roles they have. */
@WebServlet("/it/whoami")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class WhoAmIServlet extends HttpServlet {

    static final List<String> ROLES = List.of("superuser",
            "automations.view_automationmodel", "automations.view_automationtaskmodel",
            "automations.change_automationmodel", "automations.change_automationtaskmodel",
            "Moderators");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String roles = ROLES.stream().filter(request::isUserInRole).collect(Collectors.joining(","));
        response.setContentType("text/plain");
        response.getWriter().print("user=" + request.getRemoteUser() + " roles=" + roles);
    }
}
