package org.automations;

import java.util.Map;
import org.automations.flow.Form;
import org.automations.model.AutomationTaskModel;

/**
 * What a page needs to show one form task.
 *
 * @param task the task (done when {@code task.getFinished()} is set)
 * @param form the task's node, bound to a fresh instance of the automation
 * @param verboseName the automation's verbose name
 * @param template the Facelets fragment rendering the form, or null for the default form
 * @param context the page context: configuration {@code automations.form-view-context.*}, then the
 *                automation's {@code getFormContext()}, then the node's {@code .context(...)}
 * @param bean a new form bean, or for a ModelForm the entity to edit (a new one when there is none yet)
 */
public record TaskForm(AutomationTaskModel task, Form form, String verboseName, String template,
        Map<String, Object> context, Object bean) {

    public boolean isDone() {
        return task.getFinished() != null;
    }
}
