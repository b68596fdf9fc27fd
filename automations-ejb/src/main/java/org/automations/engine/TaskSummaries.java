package org.automations.engine;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.flow.Meta;
import org.automations.i18n.Labels;

/** {@link Meta#taskSummary()}: the template of a class in a language, and the template filled from data. */
public final class TaskSummaries {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private TaskSummaries() {
    }

    /** The class's summary template in that language (bundle first), "" when it has none. */
    public static String templateOf(Class<?> type, Locale language) {
        Meta meta = type.getAnnotation(Meta.class);
        String declared = meta == null ? "" : meta.taskSummary();
        return declared.isEmpty() ? "" : Labels.of(type, "taskSummary", language, declared);
    }

    /** Each {@code {key}} replaced by the data's value ("" when absent); other text kept. */
    public static String fill(String template, Map<String, Object> data) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            Object value = data == null ? null : data.get(placeholder.group(1).strip());
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        placeholder.appendTail(filled);
        return filled.toString().strip();
    }
}
