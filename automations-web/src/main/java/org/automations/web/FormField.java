package org.automations.web;

import java.util.List;

/**
 * One input of the default form page: a property of the form bean. (A class with getters, not a
 * record: Jakarta EL 5 reads JavaBean properties only.)
 */
public final class FormField {

    public enum Kind {
        TEXT, EMAIL, TEXTAREA, NUMBER, CHECKBOX, SELECT, DATE, DATETIME
    }

    private final String name;
    private final String label;
    private final Kind kind;
    private final boolean required;
    private final int maxLength;
    private final List<Object> options;

    FormField(String name, String label, Kind kind, boolean required, int maxLength, List<Object> options) {
        this.name = name;
        this.label = label;
        this.kind = kind;
        this.required = required;
        this.maxLength = maxLength;
        this.options = options;
    }

    /** The property; also the input's id, so that its client id ends in {@code :name}. */
    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }

    public Kind getKind() {
        return kind;
    }

    /** A {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} property. */
    public boolean isRequired() {
        return required;
    }

    /** {@code @Size(max)} of a String; 0 when there is none. */
    public int getMaxLength() {
        return maxLength;
    }

    /** The constants of an enum property. */
    public List<Object> getOptions() {
        return options;
    }
}
