package org.automations.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automations.json.JsonValues;

/** Request bodies: JSON objects, read here so that bad JSON answers 400 naming where it breaks. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("body", "The body must be a JSON object, not " + value.getValueType().name().toLowerCase() + ".");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw ApiException.badRequest("body", "The body is not JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw ApiException.badRequest("body", "The body is not JSON.");
        }
    }

    /** A JSON object as the service's maps (strings, numbers, booleans, nulls, lists, maps). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonObject object) {
        return object == null ? new LinkedHashMap<>() : (Map<String, Object>) JsonValues.fromJsonValue(object);
    }

    /** An optional member that must be an object; absent or null: an empty map. */
    static Map<String, Object> objectMember(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return new LinkedHashMap<>();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest(name, "'" + name + "' must be a JSON object.");
        }
        return toMap(value.asJsonObject());
    }

    /** An optional string member; absent or null: null. */
    static String stringMember(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.badRequest(name, "'" + name + "' must be a string.");
        }
        return body.getString(name);
    }

    /** Any stored JSON text (data, results) as a value JSON-B writes back as it was. */
    static Object parsed(String json) {
        return json == null ? null : JsonValues.parse(json);
    }
}
