package org.automations.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logs out (POST only, so that no link or prefetch logs anyone out; configure.cli refuses cross-site
 * POSTs) and returns to the start page.
 * A plain servlet rather than a Faces action: the header's logout button also works on error pages,
 * whose forms Faces would post to the error page's own path.
 */
@WebServlet("/logout")
public class Logout extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("Logout failed: " + e.getMessage(), e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // A relative Location by hand: sendRedirect makes it absolute from the request's Host header,
        // which a client chooses (Host: evil.example would send the browser there).
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }
}
