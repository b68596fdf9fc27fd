package org.automations.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.Automations;
import org.automations.admin.AutomationHistory;

/**
 * The administration URLs (API.md section 4). web.xml has sent anonymous callers to the login page;
 * here a caller without both roles a page needs gets 403 (before anything about the automation is
 * revealed), an unknown automation or a task of another automation 404. The views live under
 * WEB-INF, so these URLs are the only way to them.
 */
@WebFilter(urlPatterns = {"/dashboard", "/dashboard/*", "/instances", "/errors", "/history-cleanup", "/audit", "/migrations"})
public class AdminPages extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String DASHBOARD_VIEW = "/WEB-INF/views/admin/dashboard.xhtml";
    static final String HISTORY_VIEW = "/WEB-INF/views/admin/history.xhtml";
    static final String TRACEBACK_VIEW = "/WEB-INF/views/admin/traceback.xhtml";
    static final String ERRORS_VIEW = "/WEB-INF/views/admin/errors.xhtml";
    static final String CLEANUP_VIEW = "/WEB-INF/views/admin/cleanup.xhtml";
    static final String AUDIT_VIEW = "/WEB-INF/views/admin/audit.xhtml";
    static final String INSTANCES_VIEW = "/WEB-INF/views/admin/instances.xhtml";
    static final String MIGRATIONS_VIEW = "/WEB-INF/views/admin/migrations.xhtml";

    /** Request attribute: the {@code AutomationModel} of a history or traceback URL. */
    public static final String AUTOMATION = AdminPages.class.getName() + ".automation";
    /** Request attribute: the {@code AutomationTaskModel} of a traceback URL. */
    public static final String TASK = AdminPages.class.getName() + ".task";

    private static final Pattern HISTORY = Pattern.compile("/dashboard/([0-9]{1,18})/?");
    private static final Pattern TRACEBACK = Pattern.compile("/dashboard/([0-9]{1,18})/traceback/([0-9]{1,18})/?");

    @Inject
    AdminAccess access;

    @Inject
    Automations automations;

    @Inject
    AutomationHistory history;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/dashboard") || path.equals("/dashboard/")) {
            forward(access.isViewer(), DASHBOARD_VIEW, request, response);
        } else if (path.equals("/audit")) {
            forward(access.isViewer(), AUDIT_VIEW, request, response);
        } else if (path.equals("/instances")) {
            forward(access.isViewer(), INSTANCES_VIEW, request, response);
        } else if (!access.isChanger()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else if (path.equals("/errors")) {
            forward(true, ERRORS_VIEW, request, response);
        } else if (path.equals("/history-cleanup")) {
            forward(true, CLEANUP_VIEW, request, response);
        } else if (path.equals("/migrations")) {
            forward(true, MIGRATIONS_VIEW, request, response);
        } else {
            automationPage(path, request, response);
        }
    }

    private void automationPage(String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Matcher historyUrl = HISTORY.matcher(path);
        Matcher tracebackUrl = TRACEBACK.matcher(path);
        if (historyUrl.matches()) {
            var automation = automations.getModel(Long.parseLong(historyUrl.group(1)));
            if (automation.isPresent()) {
                request.setAttribute(AUTOMATION, automation.get());
                forward(true, HISTORY_VIEW, request, response);
                return;
            }
        } else if (tracebackUrl.matches()) {
            var task = history.task(Long.parseLong(tracebackUrl.group(1)), Long.parseLong(tracebackUrl.group(2)));
            if (task.isPresent()) {
                request.setAttribute(AUTOMATION, task.get().getAutomation());
                request.setAttribute(TASK, task.get());
                forward(true, TRACEBACK_VIEW, request, response);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static void forward(boolean allowed, String view, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (allowed) {
            request.getRequestDispatcher(view).forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
