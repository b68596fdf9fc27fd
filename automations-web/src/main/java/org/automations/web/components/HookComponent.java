package org.automations.web.components;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.automations.Automations;
import org.automations.flow.Automation;

/**
 * {@code <atm:hook automation="..." message="..." token="..."/>} (the seed's AutomationHook plugin):
 * renders nothing; when the page is <em>posted</em> (a Faces postback, e.g. a "Confirm" button) it
 * sends the message, with the posted parameters as the data. A plain GET sends nothing: a link
 * opened by a mail scanner, a prefetch or a cross-site {@code <img>} must not change state.
 * {@code automation} is an instance (or its numeric id, or its key), or an automation class whose
 * instance the request names by its secret {@code key} only, never by an id (ids are guessable).
 * With {@code operation="start"} the class creates an instance on the message instead
 * ({@code createOnMessage}).
 */
@FacesComponent(HookComponent.TYPE)
public class HookComponent extends UIComponentBase {

    public static final String TYPE = "org.automations.Hook";
    private static final Logger LOG = Logger.getLogger(HookComponent.class.getName());
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");

    @Override
    public String getFamily() {
        return "org.automations";
    }

    @Override
    public void encodeBegin(FacesContext context) {
        String message = required("message");
        if (!isPost(context)) {
            return;
        }
        Map<String, Object> data = requestData(context);
        String token = (String) getAttributes().get("token");
        Automations automations = CDI.current().select(Automations.class).get();
        AutomationLookup lookup = CDI.current().select(AutomationLookup.class).get();
        Object automation = getAttributes().get("automation");
        if ("start".equals(getAttributes().get("operation"))) {
            automations.createOnMessage(lookup.automationClass(automation), message, token, data);
        } else if (automation instanceof Class<?> || isClassName(automation, lookup)) {
            sendToKeyedInstance(automations, lookup.automationClass(automation), message, token, data);
        } else {
            lookup.instance(automation).ifPresentOrElse(instance -> instance.sendMessage(message, token, data),
                    () -> LOG.fine(() -> "atm:hook: no automation " + automation + "; " + message + " not sent"));
        }
        lookup.forget(); // an <atm:status/> further down shows the automation as the message left it
    }

    /** The instance of that class whose secret key the request carries; none: nothing sent. */
    private static void sendToKeyedInstance(Automations automations, Class<? extends Automation> type,
            String message, String token, Map<String, Object> data) {
        String key = data.get("key") instanceof String value ? value.trim() : "";
        if (KEY.matcher(key).matches()) {
            automations.dispatchMessage(type, key, message, token, data);
        } else {
            LOG.fine(() -> "atm:hook: the request carries no key of a " + type.getName() + "; " + message
                    + " not sent");
        }
    }

    private static boolean isPost(FacesContext context) {
        Object request = context.getExternalContext().getRequest();
        return context.isPostback() && request instanceof HttpServletRequest http
                && "POST".equals(http.getMethod());
    }

    private String required(String attribute) {
        Object value = getAttributes().get(attribute);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("atm:hook needs the attribute '" + attribute + "'");
        }
        return value.toString();
    }

    private static boolean isClassName(Object automation, AutomationLookup lookup) {
        if (!(automation instanceof String name) || !name.contains(".")) {
            return false;
        }
        lookup.automationClass(name); // a dotted name that is no deployed class is the author's mistake
        return true;
    }

    /**
     * The posted parameters, one value as a string, several as a list, like a form's fields; without
     * what Faces adds to every form (its state, the form's marker, the pressed button's client id).
     */
    private Map<String, Object> requestData(FacesContext context) {
        String form = enclosingFormId(context);
        Map<String, Object> data = new LinkedHashMap<>();
        context.getExternalContext().getRequestParameterValuesMap().forEach((name, values) -> {
            if (!name.startsWith("jakarta.faces.") && !name.contains(":") && !name.equals(form)) {
                data.put(name, values.length == 1 ? values[0] : Arrays.asList(values));
            }
        });
        return data;
    }

    private String enclosingFormId(FacesContext context) {
        for (UIComponent parent = getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof UIForm form) {
                return form.getClientId(context);
            }
        }
        return "";
    }
}
