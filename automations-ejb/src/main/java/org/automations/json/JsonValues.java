package org.automations.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON rules of automation data: only String, Number, Boolean, null, List and Map (with String
 * keys) are JSON values; numbers read back as the narrowest of Integer, Long or BigDecimal.
 */
public final class JsonValues {

    /** Looked up once: {@code Json.createXxx} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static volatile Jsonb jsonb;

    private JsonValues() {
    }

    /** Why the value is not a JSON value, or null when it is one. {@code path} names the value in messages. */
    public static String whyNotJson(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return null;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return path + " is " + value + ", which JSON cannot hold";
        }
        if (value instanceof Number) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return path + " has the non-string key " + e.getKey();
                }
                String problem = whyNotJson(path + "." + key, e.getValue());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String problem = whyNotJson(path + "[" + i + "]", list.get(i));
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return path + " is a " + value.getClass().getName() + ", which is not a JSON value"
                + " (use String, Number, Boolean, null, List or Map)";
    }

    /** Copies a JSON value into plain LinkedHashMap/ArrayList containers, refusing anything else. */
    public static Object copy(String path, Object value) {
        String problem = whyNotJson(path, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return copyChecked(value);
    }

    private static Object copyChecked(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copyChecked(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyChecked(v)));
            return copy;
        }
        return value;
    }

    /** Writes a JSON value (see {@link #whyNotJson}) as JSON text. */
    public static String write(Object value) {
        return toJsonValue("value", value).toString();
    }

    /**
     * Writes any result as JSON text: JSON values directly, other objects through JSON-B; null when
     * the object cannot be written (the seed's rule for non-serializable results).
     */
    public static String writeResult(Object result) {
        if (result == null) {
            return null;
        }
        if (whyNotJson("result", result) == null) {
            return write(result);
        }
        try {
            return jsonb().toJson(result);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses JSON text into Map/List/String/Integer/Long/BigDecimal/Boolean/null. */
    public static Object parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return fromJsonValue(reader.readValue());
        }
    }

    /** Parses a JSON object; an empty map for null text. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Object value = parse(json);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("Expected a JSON object but found: " + json);
    }

    public static Object fromJsonValue(JsonValue value) {
        switch (value.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return narrowest(((JsonNumber) value).bigDecimalValue());
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(fromJsonValue(v));
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, fromJsonValue(v)));
                return map;
            }
            default:
                throw new IllegalArgumentException("Unknown JSON value " + value);
        }
    }

    /** The narrowest of Integer, Long or BigDecimal that holds the number. */
    public static Number narrowest(BigDecimal number) {
        if (number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0) {
            try {
                BigInteger integer = number.toBigIntegerExact();
                if (integer.bitLength() < 32) {
                    return integer.intValue();
                }
                if (integer.bitLength() < 64) {
                    return integer.longValue();
                }
            } catch (ArithmeticException notAnInteger) {
                // falls through to BigDecimal
            }
        }
        return number;
    }

    private static JsonValue toJsonValue(String path, Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof BigInteger bi) {
            return JSON.createValue(bi);
        }
        if (value instanceof BigDecimal bd) {
            return JSON.createValue(bd);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot hold");
            }
            return JSON.createValue(d);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = JSON.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + " has the non-string key " + e.getKey());
                }
                builder.add(key, toJsonValue(path + "." + key, e.getValue()));
            }
            return builder.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder builder = JSON.createArrayBuilder();
            for (int i = 0; i < list.size(); i++) {
                builder.add(toJsonValue(path + "[" + i + "]", list.get(i)));
            }
            return builder.build();
        }
        throw new IllegalArgumentException(whyNotJson(path, value));
    }

    private static Jsonb jsonb() {
        Jsonb instance = jsonb;
        if (instance == null) {
            synchronized (JsonValues.class) {
                if (jsonb == null) {
                    jsonb = JsonbBuilder.create();
                }
                instance = jsonb;
            }
        }
        return instance;
    }
}
