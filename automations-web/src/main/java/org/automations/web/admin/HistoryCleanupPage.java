package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import org.automations.web.PageTimes;
import org.automations.batch.CleanupExecution;
import org.automations.batch.CleanupPreview;
import org.automations.batch.HistoryCleanup;

/**
 * The history cleanup page ({@code /history-cleanup}, both change roles, checked by {@link AdminPages}):
 * starts the history-cleanup batch job for a number of days (failed automations only when asked, and
 * after a confirmation that says how many automations will go when the run is a risky one), follows the running execution (a poll
 * refreshes progress and counts) and lists the last executions from the job repository.
 */
@Named
@ViewScoped
public class HistoryCleanupPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;
    /** A running execution older than this is the leftover of a crashed server, not "the" running one. */
    private static final Duration STALE = Duration.ofHours(23);

    @Inject
    HistoryCleanup cleanup;

    @Inject
    AdminAccess access;

    /** Fewer days than this, or including failed automations, needs a confirmation. */
    static final int CONFIRM_BELOW_DAYS = 7;

    private int days = 30;
    private boolean includeFailed;
    /** What the run about to start would delete, while the page asks to confirm; null otherwise. */
    private CleanupPreview preview;
    private Long executionId;
    private CleanupExecution current;
    private List<CleanupExecution> executions;

    /** A cleanup already running (started elsewhere) is followed from the start. */
    @PostConstruct
    void init() {
        cleanup.running(STALE).ifPresent(running -> {
            executionId = running.id();
            current = running;
        });
    }

    /**
     * The start button: a run that keeps failed automations and goes back a week or more starts at
     * once; any other first shows what it would delete and waits for {@link #confirm()}.
     */
    public void start() {
        if (isRunning()) {
            message(FacesMessage.SEVERITY_WARN, "cleanup.alreadyRunning", executionId);
            return;
        }
        if (days < CONFIRM_BELOW_DAYS || includeFailed) {
            preview = cleanup.preview(days, includeFailed);
            return;
        }
        run();
    }

    /** The confirmation's "Delete" button. */
    public void confirm() {
        if (preview == null) {
            return;
        }
        preview = null;
        if (isRunning()) {
            message(FacesMessage.SEVERITY_WARN, "cleanup.alreadyRunning", executionId);
            return;
        }
        run();
    }

    /** The confirmation's "Cancel" button: nothing is deleted. */
    public void cancel() {
        preview = null;
    }

    private void run() {
        executionId = cleanup.start(days, null, includeFailed);
        current = cleanup.execution(executionId).orElse(null);
        executions = null;
        message(FacesMessage.SEVERITY_INFO, "cleanup.started", executionId, days);
    }

    /** Called by the poll: reads the execution again. */
    public void refresh() {
        if (executionId != null) {
            current = cleanup.execution(executionId).orElse(null);
        }
        executions = null;
    }

    public boolean isRunning() {
        return current != null && current.isRunning();
    }

    public CleanupExecution getCurrent() {
        return current;
    }

    /** Read once per refresh: the table asks for its value several times per render. */
    public List<CleanupExecution> getExecutions() {
        if (executions == null) {
            executions = cleanup.executions(LISTED);
        }
        return executions;
    }

    public String time(Instant time) {
        return PageTimes.format(time);
    }

    /** The status in the page's language. */
    public String status(CleanupExecution execution) {
        return text("cleanup.status." + execution.status().name());
    }

    public CleanupPreview getPreview() {
        return preview;
    }

    public boolean isIncludeFailed() {
        return includeFailed;
    }

    public void setIncludeFailed(boolean includeFailed) {
        this.includeFailed = includeFailed;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    private static void message(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key, arguments), null));
    }

    private static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments);
    }
}
