package org.automations.web;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.automations.i18n.Labels;
import org.automations.web.FormField.Kind;

/**
 * The inputs of the default form page: one per readable and writable property of the form bean, in
 * declaration order (superclass first), for the types the page can render. A JPA entity's id and
 * version are left out; so are properties of other types.
 */
public final class FormFields {

    private static final int TEXTAREA_ABOVE = 255;
    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
            short.class, Double.class, double.class, Float.class, float.class, BigDecimal.class, BigInteger.class);

    private FormFields() {
    }

    public static List<FormField> of(Class<?> bean) {
        return of(bean, null);
    }

    /**
     * The inputs with labels in that language: {@code <BeanSimpleName>.<property>} of the bundle
     * {@code messages} in the bean's package (see {@link Labels}), else derived from the property's name.
     */
    public static List<FormField> of(Class<?> bean, Locale locale) {
        Map<String, PropertyDescriptor> properties = properties(bean);
        List<FormField> fields = new ArrayList<>();
        for (Field field : declaredFields(bean)) {
            PropertyDescriptor property = properties.get(field.getName());
            if (property == null || property.getReadMethod() == null || property.getWriteMethod() == null
                    || Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || has(field, property, Id.class) || has(field, property, Version.class)
                    || has(field, property, GeneratedValue.class)) {
                continue;
            }
            Kind kind = kindOf(field, property);
            if (kind != null) {
                String label = Labels.of(bean, field.getName(), locale, label(field.getName()));
                fields.add(new FormField(field.getName(), label, kind, isRequired(field, property),
                        maxLength(field, property), options(field.getType())));
            }
        }
        return fields;
    }

    private static Kind kindOf(Field field, PropertyDescriptor property) {
        Class<?> type = field.getType();
        if (type == String.class) {
            if (has(field, property, Email.class)) {
                return Kind.EMAIL;
            }
            return maxLength(field, property) > TEXTAREA_ABOVE ? Kind.TEXTAREA : Kind.TEXT;
        }
        if (NUMBERS.contains(type)) {
            return Kind.NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.CHECKBOX;
        }
        if (type.isEnum()) {
            return Kind.SELECT;
        }
        if (type == LocalDate.class) {
            return Kind.DATE;
        }
        if (type == LocalDateTime.class) {
            return Kind.DATETIME;
        }
        return null;
    }

    private static boolean isRequired(Field field, PropertyDescriptor property) {
        return has(field, property, NotNull.class) || has(field, property, NotBlank.class)
                || has(field, property, NotEmpty.class);
    }

    private static int maxLength(Field field, PropertyDescriptor property) {
        Size size = annotation(field, property, Size.class);
        return size == null || size.max() == Integer.MAX_VALUE ? 0 : size.max();
    }

    private static List<Object> options(Class<?> type) {
        return type.isEnum() ? Arrays.asList(type.getEnumConstants()) : List.of();
    }

    /** "publishNow" becomes "Publish now". */
    static String label(String property) {
        StringBuilder label = new StringBuilder();
        for (char c : property.toCharArray()) {
            if (label.length() == 0) {
                label.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(c);
            }
        }
        return label.toString();
    }

    private static boolean has(Field field, PropertyDescriptor property, Class<? extends Annotation> type) {
        return annotation(field, property, type) != null;
    }

    /** Constraints may sit on the field or on its getter. */
    private static <A extends Annotation> A annotation(Field field, PropertyDescriptor property, Class<A> type) {
        A onField = field.getAnnotation(type);
        if (onField != null) {
            return onField;
        }
        Method getter = property.getReadMethod();
        return getter == null ? null : getter.getAnnotation(type);
    }

    private static List<Field> declaredFields(Class<?> bean) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        hierarchy.forEach(c -> fields.addAll(Arrays.asList(c.getDeclaredFields())));
        return fields;
    }

    /** The bean's JavaBean properties by name. */
    public static Map<String, PropertyDescriptor> properties(Class<?> bean) {
        try {
            Map<String, PropertyDescriptor> byName = new HashMap<>();
            for (PropertyDescriptor property : Introspector.getBeanInfo(bean).getPropertyDescriptors()) {
                byName.put(property.getName(), property);
            }
            return byName;
        } catch (IntrospectionException e) {
            throw new IllegalStateException("Cannot read the properties of the form bean " + bean.getName(), e);
        }
    }
}
