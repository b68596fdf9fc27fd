package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.automations.web.PageTimes;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * The traceback of one step ({@code /dashboard/{id}/traceback/{taskId}}; {@link AdminPages} checked
 * that the task belongs to the automation): the stack trace the engine stored when the step failed.
 */
@Named
@RequestScoped
public class TracebackPage {

    @Inject
    HttpServletRequest request;

    public AutomationModel getAutomation() {
        return (AutomationModel) request.getAttribute(AdminPages.AUTOMATION);
    }

    public AutomationTaskModel getTask() {
        return (AutomationTaskModel) request.getAttribute(AdminPages.TASK);
    }

    /** The stored stack trace (the task's result {"error": "..."}), or null when there is none. */
    public String getTraceback() {
        if (getTask().getResult() instanceof Map<?, ?> result && result.get("error") != null) {
            String text = String.valueOf(result.get("error"));
            return text.isBlank() ? null : text;
        }
        return null;
    }

    public String time(java.time.Instant instant) {
        return PageTimes.format(instant);
    }
}
