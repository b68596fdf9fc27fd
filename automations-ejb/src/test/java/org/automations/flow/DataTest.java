package org.automations.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTest {

    @Test
    void putRefusesWhatJsonCannotHoldAndNamesTheKey() {
        Data data = new Data();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> data.put("when", new Object()));
        assertTrue(error.getMessage().contains("data.when"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.put("nested", Map.of("x", List.of(new Object()))));
        assertThrows(IllegalArgumentException.class, () -> data.put("nan", Double.NaN));
        assertTrue(data.isEmpty());
    }

    @Test
    void entrySetValuesAreCheckedToo() {
        Data data = new Data(Map.of("a", 1));
        Map.Entry<String, Object> entry = data.entrySet().iterator().next();
        assertThrows(IllegalArgumentException.class, () -> entry.setValue(new Object()));
        entry.setValue("ok");
        assertEquals("ok", data.get("a"));
    }

    @Test
    void numbersReadBackAsTheNarrowestType() {
        Data data = new Data();
        data.put("small", 5L);
        data.put("big", 5_000_000_000L);
        data.put("decimal", 2.5);
        data.put("list", new ArrayList<>(List.of(1, "two", true)));
        Data read = Data.fromJson(data.toJson());
        assertInstanceOf(Integer.class, read.get("small"));
        assertInstanceOf(Long.class, read.get("big"));
        assertInstanceOf(BigDecimal.class, read.get("decimal"));
        assertEquals(List.of(1, "two", true), read.getList("list"));
    }

    @Test
    void typedGettersConvertNumbers() {
        Data data = Data.fromJson("{\"n\": 7, \"s\": \"12\", \"b\": true, \"m\": {\"k\": null}}");
        assertEquals(7L, data.getLong("n"));
        assertEquals(7.0, data.getDouble("n"));
        assertEquals(12, data.getInt("s"));
        assertEquals("7", data.getString("n"));
        assertEquals(Boolean.TRUE, data.getBoolean("b"));
        assertTrue(data.getMap("m").containsKey("k"));
        assertNull(data.getString("missing"));
        assertThrows(IllegalStateException.class, () -> data.getList("n"));
    }
}
