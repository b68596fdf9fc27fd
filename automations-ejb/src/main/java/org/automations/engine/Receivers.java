package org.automations.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.Receive;
import org.automations.flow.RequireData;

/** The {@code @Receive} methods of an automation class, checked at deployment, and their data rules. */
public final class Receivers {

    private final Map<String, Method> byMessage;

    private Receivers(Map<String, Method> byMessage) {
        this.byMessage = Collections.unmodifiableMap(byMessage);
    }

    /** Finds the receivers of a class and its superclasses; a bad signature or a duplicate is an error. */
    public static Receivers of(Class<? extends Automation> type) {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Automation.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                Receive receive = method.getAnnotation(Receive.class);
                if (receive == null) {
                    continue;
                }
                String where = type.getName() + ": receiver " + method.getName() + " for message '" + receive.value() + "' ";
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length != 2 || parameters[0] != String.class || parameters[1] != Map.class
                        || Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
                    throw new AutomationDefinitionException(where + "must be a public or package-private instance method"
                            + " (String token, Map<String, Object> data)");
                }
                Method existing = found.get(receive.value());
                if (existing != null && !overrides(existing, method)) {
                    throw new AutomationDefinitionException(where + "duplicates receiver " + existing.getName());
                }
                found.putIfAbsent(receive.value(), method);
            }
        }
        found.values().forEach(m -> m.setAccessible(true));
        return new Receivers(found);
    }

    public Method find(String message) {
        return byMessage.get(message);
    }

    public Map<String, Method> all() {
        return byMessage;
    }

    /** True when the receiver exists and the data satisfies its {@code @RequireData} declarations. */
    public boolean satisfied(String message, Map<String, ?> data) {
        Method receiver = byMessage.get(message);
        if (receiver == null) {
            return false;
        }
        for (RequireData requirement : receiver.getAnnotationsByType(RequireData.class)) {
            if (data == null || !converts(data.get(requirement.name()), requirement.type())) {
                return false;
            }
        }
        return true;
    }

    /** A value of the type, or a string that converts to it (the {@code @RequireData} rule). */
    public static boolean converts(Object value, Class<?> type) {
        if (value == null) {
            return false;
        }
        if (type.isInstance(value)) {
            return true;
        }
        if (value instanceof Number number) {
            return numberFits(number, type); // JSON numbers arrive as the narrowest of Integer, Long, BigDecimal
        }
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            if (type == Integer.class) {
                Integer.valueOf(text.trim());
            } else if (type == Long.class) {
                Long.valueOf(text.trim());
            } else if (type == Double.class) {
                Double.valueOf(text.trim());
            } else if (type == BigDecimal.class) {
                new BigDecimal(text.trim());
            } else if (type == Boolean.class) {
                return text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false");
            } else {
                return false;
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number of another class that the type holds exactly (a JSON 3 for a BigDecimal or a Long, 2.5 for a Double). */
    private static boolean numberFits(Number number, Class<?> type) {
        try {
            BigDecimal exact = new BigDecimal(number.toString());
            if (type == Integer.class) {
                exact.intValueExact();
            } else if (type == Long.class) {
                exact.longValueExact();
            } else if (type != BigDecimal.class && type != Double.class) {
                return false;
            }
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean overrides(Method sub, Method sup) {
        return sub.getName().equals(sup.getName()) && java.util.Arrays.equals(sub.getParameterTypes(), sup.getParameterTypes());
    }
}
