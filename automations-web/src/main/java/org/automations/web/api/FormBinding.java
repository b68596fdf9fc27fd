package org.automations.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.web.FormField;
import org.automations.web.FormFields;

/**
 * A form bean and JSON: the fields the default form page shows ({@link FormFields}), described with
 * their constraints and current values, and JSON values written into them with the types the page's
 * converters would produce. Validation afterwards is the page's: Bean Validation on the bean.
 */
public final class FormBinding {

    private static final Set<String> NOT_ATTRIBUTES = Set.of("message", "groups", "payload");

    private FormBinding() {
    }

    /** A constraint of a field: its annotation's simple name and attributes ({@code Size {min: 0, max: 200}}). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Constraint")
    public record ConstraintView(String type, Map<String, Object> attributes) {
    }

    /** One input: the page's kind (TEXT, EMAIL, TEXTAREA, NUMBER, CHECKBOX, SELECT, DATE, DATETIME). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FormField")
    public record FieldView(String name, String label, String kind, String javaType, boolean required, Integer maxLength,
            List<String> options, Object value, List<ConstraintView> constraints) {
    }

    static List<FieldView> describe(Object bean, Validator validator) {
        Map<String, java.beans.PropertyDescriptor> properties = FormFields.properties(bean.getClass());
        List<FieldView> views = new ArrayList<>();
        for (FormField field : FormFields.of(bean.getClass())) {
            java.beans.PropertyDescriptor property = properties.get(field.getName());
            views.add(new FieldView(field.getName(), field.getLabel(), field.getKind().name(),
                    property.getPropertyType().getSimpleName(), field.isRequired(),
                    field.getMaxLength() == 0 ? null : field.getMaxLength(),
                    field.getOptions().stream().map(o -> ((Enum<?>) o).name()).toList(),
                    jsonValue(read(bean, property)), constraints(validator, bean.getClass(), field.getName())));
        }
        return views;
    }

    /**
     * Writes the JSON members into the bean's fields. A member that is no field, or a value of the
     * wrong type, is an error naming the field (400); nothing is validated yet.
     */
    static void bind(Object bean, JsonObject json) {
        Map<String, java.beans.PropertyDescriptor> properties = FormFields.properties(bean.getClass());
        Map<String, FormField> fields = new LinkedHashMap<>();
        FormFields.of(bean.getClass()).forEach(f -> fields.put(f.getName(), f));
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : json.entrySet()) {
            FormField field = fields.get(member.getKey());
            if (field == null) {
                errors.add(new ApiProblem.FieldError(member.getKey(), "is not a field of this form (fields: " + fields.keySet() + ")"));
                continue;
            }
            java.beans.PropertyDescriptor property = properties.get(field.getName());
            try {
                write(bean, property, convert(member.getValue(), property.getPropertyType(), field));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError(field.getName(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "The form's values do not fit its fields.", errors);
        }
    }

    /** Bean Validation as on the page; every violation becomes a field message (class-level ones under "form"). */
    static List<ApiProblem.FieldError> violations(Object bean, Validator validator) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(bean)) {
            String path = violation.getPropertyPath().toString();
            errors.add(new ApiProblem.FieldError(path.isEmpty() ? "form" : path, violation.getMessage()));
        }
        errors.sort((a, b) -> (a.field() + a.message()).compareTo(b.field() + b.message()));
        return errors;
    }

    private static Object convert(JsonValue value, Class<?> type, FormField field) {
        if (value == JsonValue.NULL) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("cannot be null");
            }
            return null;
        }
        return switch (field.getKind()) {
            case TEXT, EMAIL, TEXTAREA -> string(value, "a string");
            case CHECKBOX -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield value == JsonValue.TRUE;
            }
            case NUMBER -> number(value, type);
            case SELECT -> {
                String name = string(value, "one of " + field.getOptions());
                yield field.getOptions().stream().filter(o -> ((Enum<?>) o).name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("must be one of " + field.getOptions()));
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(string(value, "a date (2026-12-31)"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date such as 2026-12-31");
                }
            }
            case DATETIME -> {
                try {
                    yield LocalDateTime.parse(string(value, "a local date and time (2026-12-31T09:30)"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a local date and time such as 2026-12-31T09:30");
                }
            }
        };
    }

    private static String string(JsonValue value, String what) {
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException("must be " + what);
        }
        return text.getString();
    }

    private static Object number(JsonValue value, Class<?> type) {
        if (!(value instanceof JsonNumber number)) {
            throw new IllegalArgumentException("must be a number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        try {
            if (type == Integer.class || type == int.class) {
                return decimal.intValueExact();
            }
            if (type == Long.class || type == long.class) {
                return decimal.longValueExact();
            }
            if (type == Short.class || type == short.class) {
                return decimal.shortValueExact();
            }
            if (type == BigInteger.class) {
                return decimal.toBigIntegerExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number in the range of " + type.getSimpleName());
        }
        if (type == Double.class || type == double.class) {
            return decimal.doubleValue();
        }
        if (type == Float.class || type == float.class) {
            return decimal.floatValue();
        }
        return decimal;
    }

    private static List<ConstraintView> constraints(Validator validator, Class<?> beanClass, String name) {
        PropertyDescriptor property = validator.getConstraintsForClass(beanClass).getConstraintsForProperty(name);
        if (property == null) {
            return List.of();
        }
        List<ConstraintView> views = new ArrayList<>();
        for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            constraint.getAttributes().entrySet().stream().filter(a -> !NOT_ATTRIBUTES.contains(a.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(a -> attributes.put(a.getKey(), jsonValue(a.getValue())));
            views.add(new ConstraintView(constraint.getAnnotation().annotationType().getSimpleName(), attributes));
        }
        views.sort((a, b) -> a.type().compareTo(b.type()));
        return views;
    }

    /** A value JSON-B writes as it is; anything else as its text. */
    private static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(FormBinding::jsonValue).toList();
        }
        if (value instanceof Class<?> type) {
            return type.getSimpleName();
        }
        return value.toString();
    }

    private static Object read(Object bean, java.beans.PropertyDescriptor property) {
        try {
            return property.getReadMethod().invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + property.getName() + " of " + bean.getClass().getName(), e);
        }
    }

    private static void write(Object bean, java.beans.PropertyDescriptor property, Object value) {
        try {
            property.getWriteMethod().invoke(bean, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot set " + property.getName() + " of " + bean.getClass().getName(), e);
        }
    }
}
