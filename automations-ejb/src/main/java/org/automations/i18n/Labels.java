package org.automations.i18n;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Texts of automations in the reader's language, from a resource bundle next to the class: the
 * bundle {@code messages} of the class's package ({@code com/example/messages_de.properties}), read
 * with the class's own class loader. Keys: {@code <SimpleName>.verboseName},
 * {@code <SimpleName>.verboseNamePlural}, {@code <SimpleName>.<node>} (a node's description) for an
 * automation class, and {@code <SimpleName>.<property>} (a form input's label) for a form bean. A key
 * that is missing leaves the declared text.
 */
public final class Labels {

    /** Only the locale asked for and the base bundle: never the server's default locale in between. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(List.of("java.properties"));

    private Labels() {
    }

    /** The text of {@code <SimpleName>.<key>} for that class in that language, if its bundle has one. */
    public static Optional<String> of(Class<?> type, String key, Locale locale) {
        if (type == null || locale == null) {
            return Optional.empty();
        }
        String name = type.getSimpleName() + "." + key;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(type.getPackageName() + ".messages", locale,
                    type.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(name) ? Optional.of(bundle.getString(name)) : Optional.empty();
        } catch (MissingResourceException none) {
            return Optional.empty();
        }
    }

    /** The text for that class and key, else the declared one. */
    public static String of(Class<?> type, String key, Locale locale, String declared) {
        return of(type, key, locale).orElse(declared);
    }
}
