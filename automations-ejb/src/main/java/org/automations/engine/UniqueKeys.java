package org.automations.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.automations.json.JsonValues;

/**
 * The key that a unique index keeps single among unfinished instances of a {@code @Unique} class:
 * a SHA-256 of the class name and the values of the unique parameters.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** The key, or null when the class is not unique; IllegalArgumentException when a unique parameter is missing. */
    public static String of(AutomationDefinition definition, Map<String, ?> data) {
        List<String> fields = definition.getUniqueFields();
        if (fields == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (String field : fields) {
            if (data == null || !data.containsKey(field)) {
                throw new IllegalArgumentException(definition.getClassName() + " is @Unique(" + fields
                        + ") but the parameter '" + field + "' is missing");
            }
            values.add(data.get(field));
        }
        return sha256(definition.getClassName() + "|" + JsonValues.write(values));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
