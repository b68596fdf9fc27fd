package org.automations.web.components;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.automations.Automations;
import org.automations.flow.Automation;

/**
 * {@code <atm:hook automation="..." message="..." token="..."/>} (the seed's AutomationHook plugin):
 * renders nothing and sends the message when the page is rendered, with the request parameters as
 * the data. {@code automation} is an instance (or its id or key), or an automation class whose
 * instance the request names with {@code atm_id} or {@code key}. With {@code operation="start"} the
 * class creates an instance on the message instead ({@code createOnMessage}).
 */
@FacesComponent(HookComponent.TYPE)
public class HookComponent extends UIComponentBase {

    public static final String TYPE = "org.automations.Hook";
    private static final Logger LOG = Logger.getLogger(HookComponent.class.getName());

    @Override
    public String getFamily() {
        return "org.automations";
    }

    @Override
    public void encodeBegin(FacesContext context) {
        Map<String, Object> data = requestData(context);
        String message = required("message");
        String token = (String) getAttributes().get("token");
        Automations automations = CDI.current().select(Automations.class).get();
        AutomationLookup lookup = CDI.current().select(AutomationLookup.class).get();
        Object automation = getAttributes().get("automation");
        if ("start".equals(getAttributes().get("operation"))) {
            automations.createOnMessage(lookup.automationClass(automation), message, token, data);
        } else if (automation instanceof Class<?> || isClassName(automation, lookup)) {
            sendToNamedInstance(automations, lookup.automationClass(automation), message, token, data);
        } else {
            lookup.instance(automation).ifPresentOrElse(instance -> instance.sendMessage(message, token, data),
                    () -> LOG.fine(() -> "atm:hook: no automation " + automation + "; " + message + " not sent"));
        }
        lookup.forget(); // an <atm:status/> further down shows the automation as the message left it
    }

    /** The instance of that class the request names by {@code atm_id} or {@code key}; none: nothing sent. */
    private static void sendToNamedInstance(Automations automations, Class<? extends Automation> type,
            String message, String token, Map<String, Object> data) {
        String id = data.get("atm_id") instanceof String value ? value : "";
        String key = data.get("key") instanceof String value ? value : "";
        if (id.matches("[0-9]{1,18}")) {
            automations.dispatchMessage(type, Long.parseLong(id), message, token, data);
        } else if (!key.isBlank()) {
            automations.dispatchMessage(type, key, message, token, data);
        } else {
            LOG.fine(() -> "atm:hook: the request names no " + type.getName() + " (atm_id or key); " + message
                    + " not sent");
        }
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

    /** One value as a string, several as a list, like a form's fields. */
    private static Map<String, Object> requestData(FacesContext context) {
        Map<String, Object> data = new LinkedHashMap<>();
        context.getExternalContext().getRequestParameterValuesMap().forEach((name, values) ->
                data.put(name, values.length == 1 ? values[0] : Arrays.asList(values)));
        return data;
    }
}
