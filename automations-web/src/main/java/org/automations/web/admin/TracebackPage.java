package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.automations.web.PageTimes;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * The traceback of one step ({@code /dashboard/{id}/traceback/{taskId}}; {@link AdminPages} checked
 * that the task belongs to the automation): the stack trace the engine stored when the step failed,
 * with the container's frames folded and the application's frames open.
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

    /** A piece of the traceback: the application's lines (shown), or a run of container frames (folded). */
    public record Block(boolean container, int frames, String text) {
    }

    /**
     * Frames of the application server and the platform: WildFly, JBoss modules, EJB and Weld
     * interceptors, Hibernate, Undertow, Faces, reflection, threads. A frame is "at [loader/][module@version/]
     * class.method(...)"; Weld's subclasses and proxies of application classes count as container frames.
     */
    private static final Pattern CONTAINER_FRAME = Pattern.compile("\\s*at (?:\\S*?/)?(?:org\\.jboss\\.|org\\.wildfly\\."
            + "|io\\.undertow\\.|org\\.hibernate\\.|io\\.smallrye\\.|org\\.glassfish\\.|com\\.sun\\.|sun\\.|jdk\\.internal\\."
            + "|java\\.lang\\.reflect\\.|java\\.lang\\.invoke\\.|java\\.lang\\.Thread\\.|java\\.util\\.concurrent\\."
            + "|java\\.security\\.AccessController\\.|jakarta\\.|org\\.omnifaces\\.|org\\.primefaces\\.|org\\.apache\\."
            + "|org\\.eclipse\\.|\\S*\\$Proxy\\$_\\$\\$_Weld|\\S*\\$\\$_WeldClientProxy).*");

    private List<Block> blocks;

    /**
     * The traceback in pieces: the application's frames, exception lines ("Caused by: ...") and
     * "... n more" as they are; each run of container frames (often some 300 interceptor lines) as one
     * block, which the page folds.
     */
    public List<Block> getBlocks() {
        if (blocks == null) {
            blocks = blocks(getTraceback());
        }
        return blocks;
    }

    static List<Block> blocks(String traceback) {
        List<Block> result = new ArrayList<>();
        if (traceback == null) {
            return result;
        }
        StringBuilder run = new StringBuilder();
        boolean inContainer = false;
        int frames = 0;
        for (String line : traceback.split("\\R", -1)) {
            boolean container = CONTAINER_FRAME.matcher(line).matches();
            if (container != inContainer && !run.isEmpty()) {
                result.add(new Block(inContainer, frames, run.toString()));
                run.setLength(0);
                frames = 0;
            }
            inContainer = container;
            frames++;
            run.append(run.isEmpty() ? "" : "\n").append(line);
        }
        if (!run.isEmpty()) {
            result.add(new Block(inContainer, frames, run.toString()));
        }
        return result;
    }

    public String time(java.time.Instant instant) {
        return PageTimes.format(instant);
    }
}
