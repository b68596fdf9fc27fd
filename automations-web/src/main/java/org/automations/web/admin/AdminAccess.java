package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may see the administration pages (API.md section 4): the dashboard and the instances page need
 * both view roles,
 * history, traceback, errors and the history cleanup both change roles. Used by {@link AdminPages}
 * and by the navigation, which shows only the links the caller may follow.
 */
@Named
@RequestScoped
public class AdminAccess {

    static final String VIEW_AUTOMATION = "automations.view_automationmodel";
    static final String VIEW_TASK = "automations.view_automationtaskmodel";
    static final String CHANGE_AUTOMATION = "automations.change_automationmodel";
    static final String CHANGE_TASK = "automations.change_automationtaskmodel";

    @Inject
    HttpServletRequest request;

    /** May open the dashboard and the instances page. */
    public boolean isViewer() {
        return request.isUserInRole(VIEW_AUTOMATION) && request.isUserInRole(VIEW_TASK);
    }

    /** May open histories, tracebacks, the errors page and the history cleanup, and act on them. */
    public boolean isChanger() {
        return request.isUserInRole(CHANGE_AUTOMATION) && request.isUserInRole(CHANGE_TASK);
    }

    /** The administrator's name, recorded with every action. */
    public String getName() {
        return request.getRemoteUser();
    }
}
