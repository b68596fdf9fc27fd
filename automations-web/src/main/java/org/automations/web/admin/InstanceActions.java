package org.automations.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.automations.Automations;
import org.automations.admin.FailedAutomations;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.web.Messages;
import org.omnifaces.util.Faces;

/**
 * Retry, skip and kill of one automation, for every page that offers them (the errors page and the
 * history page): the same service calls ({@link FailedAutomations}), the same flash messages saying
 * what became of the automation, then a redirect (so that a reload does not repeat the action) to the
 * page given, relative to the context path. The pages' URLs ({@link AdminPages}) checked the roles.
 */
@Named
@RequestScoped
public class InstanceActions {

    @Inject
    FailedAutomations failed;

    @Inject
    Automations automations;

    /** Re-runs the failed step; then {@code page} says how it went. */
    public void retry(long automationId, String page) {
        act(automationId, () -> failed.retry(automationId), "errors.retried", page);
    }

    /** Continues after the failed step. */
    public void skip(long automationId, String page) {
        act(automationId, () -> failed.skip(automationId), "errors.skipped", page);
    }

    /** Moves the automation to a node of its class; a refused move says why and stays on the page. */
    public void move(long automationId, String node, String page) {
        try {
            automations.moveTo(automationId, node, null);
            String state = automations.getModel(automationId).map(InstanceActions::stateText).orElse("");
            done("history.moved", automationId, node + ". " + state, page);
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.omnifaces.util.Messages.addFlashGlobalError(Messages.text("errors.refused", automationId, e.getMessage()));
            redirect(page);
        }
    }

    /** Deletes the automation and its history ({@code page} must not be its history: it is gone). */
    public void kill(long automationId, String page) {
        failed.kill(automationId);
        done("errors.killed", automationId, "", page);
    }

    private void act(long automationId, Supplier<Optional<AutomationModel>> action, String key, String page) {
        try {
            Optional<AutomationModel> after = action.get();
            done(key, automationId, after.map(InstanceActions::stateText).orElse(""), page);
        } catch (IllegalStateException e) {
            // Not failed (any more), class or node gone: say why and stay on the page.
            org.omnifaces.util.Messages.addFlashGlobalError(Messages.text("errors.refused", automationId, e.getMessage()));
            redirect(page);
        }
    }

    private static String stateText(AutomationModel model) {
        if (model.getStatus() == AutomationStatus.FAILED) {
            return Messages.text("errors.state.failedAgain");
        }
        return Messages.text(model.isFinished() ? "errors.state.finished" : "errors.state.running");
    }

    private static void done(String key, long automationId, String state, String page) {
        org.omnifaces.util.Messages.addFlashGlobalInfo(Messages.text(key, automationId, state));
        redirect(page);
    }

    /**
     * As OmniFaces' {@code Faces.redirect}, but the URL is used as it is: a query string taken over
     * from another page holds %-escapes, which that method would read as format specifiers.
     */
    private static void redirect(String page) {
        Faces.getFlash().setRedirect(true);
        try {
            Faces.getExternalContext().redirect(Faces.getRequestContextPath() + "/" + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
