package org.automations.web.components;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.automations.Automations;
import org.automations.engine.AutomationRegistry;
import org.automations.flow.Automation;
import org.automations.model.AutomationModel;

/**
 * Turns what a page author passes to the atm: components into automations: an {@link Automation},
 * an {@link AutomationModel}, an id (a number) or a key (a string of 40 hex digits) into an instance;
 * a string is only ever taken as a key, so that a request parameter ({@code #{param.key}}, always a
 * string) cannot name an automation by its guessable id; a
 * {@code Class} or class name into a deployed automation class. Instances are looked up once per
 * request, however often the page asks.
 */
@RequestScoped
public class AutomationLookup {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");

    @Inject
    Automations automations;

    @Inject
    AutomationRegistry registry;

    private final Map<Object, Optional<Automation>> instances = new HashMap<>();

    /** The instance meant by {@code reference}; empty for null, blanks, digit strings and unknown ids or keys. */
    public Optional<Automation> instance(Object reference) {
        if (reference instanceof Automation automation) {
            return Optional.of(automation);
        }
        if (reference instanceof AutomationModel model) {
            return instance(model.getId());
        }
        return instances.computeIfAbsent(reference, this::find);
    }

    /** After a message was sent: later lookups of this request read the automations again. */
    public void forget() {
        instances.clear();
    }

    /** The deployed automation class meant by {@code reference} (a Class or a class name). */
    @SuppressWarnings("unchecked")
    public Class<? extends Automation> automationClass(Object reference) {
        if (reference instanceof Class<?> type && Automation.class.isAssignableFrom(type)) {
            return (Class<? extends Automation>) type;
        }
        String name = reference instanceof Class<?> type ? type.getName() : String.valueOf(reference);
        return registry.find(name).<Class<? extends Automation>>map(d -> d.getType()).orElseThrow(
                () -> new IllegalArgumentException("'" + name + "' is not a deployed automation class"));
    }

    private Optional<Automation> find(Object reference) {
        if (reference instanceof Number number) {
            return automations.find(number.longValue());
        }
        String text = reference == null ? "" : reference.toString().trim();
        if (KEY.matcher(text).matches()) {
            return automations.findByKey(text);
        }
        return Optional.empty();
    }
}
