package org.automations.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.automations.Automations;
import org.automations.TaskForm;

/**
 * The task URLs: {@code /tasks} shows the task list, {@code /tasks/{id}} the task's form. Answers
 * 404 for an id that is not a number or not a form task, and 403 when the logged-in user may not
 * process the task (web.xml has sent everyone else to the login page already). The views live under
 * WEB-INF, so these URLs are the only way to them.
 */
@WebFilter(urlPatterns = {"/tasks", "/tasks/*"})
public class TaskPages extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String LIST_VIEW = "/WEB-INF/views/tasks.xhtml";
    static final String TASK_VIEW = "/WEB-INF/views/task.xhtml";
    /** Request attribute holding the {@link TaskForm} of the requested task. */
    static final String TASK_FORM = TaskPages.class.getName() + ".taskForm";

    private static final String PREFIX = "/tasks/";

    @Inject
    Automations automations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/tasks") || path.equals(PREFIX)) {
            request.getRequestDispatcher(LIST_VIEW).forward(request, response);
            return;
        }
        Optional<TaskForm> form = taskForm(path.substring(PREFIX.length()));
        if (form.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!automations.mayProcess(automations.getTaskUser(), form.get().task())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.setAttribute(TASK_FORM, form.get());
        request.getRequestDispatcher(TASK_VIEW).forward(request, response);
    }

    private Optional<TaskForm> taskForm(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return automations.getTaskForm(Long.parseLong(id));
    }
}
