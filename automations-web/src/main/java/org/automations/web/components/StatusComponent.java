package org.automations.web.components;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.automations.flow.Automation;
import org.automations.flow.Meta;
import org.automations.flow.StatusTemplate;
import org.automations.model.AutomationModel;

/**
 * The backing of {@code <atm:status automation="..." template="..."/>} (the seed's status plugin):
 * finds the instance and one of the status templates its class declares in {@code @Meta}, which
 * the tag includes with {@code automation} and {@code automationModel} as parameters.
 */
@Named("atmStatus")
@RequestScoped
public class StatusComponent {

    @Inject
    AutomationLookup lookup;

    /** False when there is no such automation (a stale link): the tag renders nothing. */
    public boolean exists(Object automation) {
        return lookup.instance(automation).isPresent();
    }

    public Automation automation(Object automation) {
        return lookup.instance(automation).orElse(null);
    }

    public AutomationModel model(Object automation) {
        return lookup.instance(automation).map(Automation::getModel).orElse(null);
    }

    /**
     * The Facelets path of the template named by its path or its name; blank means the first one the
     * class declares. A template the class does not declare is the page author's mistake: say so.
     */
    public String templatePath(Object automation, String template) {
        Automation instance = lookup.instance(automation).orElseThrow();
        Meta meta = instance.getClass().getAnnotation(Meta.class);
        StatusTemplate[] declared = meta == null ? new StatusTemplate[0] : meta.statusTemplates();
        Optional<StatusTemplate> chosen = Arrays.stream(declared)
                .filter(t -> template == null || template.isBlank() || template.equals(t.path())
                        || template.equals(t.name()))
                .findFirst();
        return chosen.map(StatusTemplate::path).orElseThrow(() -> new IllegalArgumentException(
                "atm:status: " + instance.getAutomationClassName() + " declares no status template '"
                        + (template == null ? "" : template) + "' (declared: " + Arrays.stream(declared)
                        .map(t -> t.name() + " = " + t.path()).collect(Collectors.joining(", ")) + ")"));
    }
}
