package org.automations.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.Meta;
import org.junit.jupiter.api.Test;

class TaskSummariesTest {

    @Meta(taskSummary = "Order {order}: {total} EUR")
    static class Ordered extends Automation {
    }

    static class Plain extends Automation {
    }

    @Test
    void placeholdersAreFilledFromTheDataAndMissingKeysBecomeEmpty() {
        Map<String, Object> data = new HashMap<>();
        data.put("order", "A-7");
        data.put("total", 12.5);
        assertEquals("Order A-7: 12.5 EUR", TaskSummaries.fill("Order {order}: {total} EUR", data));
        assertEquals("Order : EUR", TaskSummaries.fill("Order {order}: {missing}EUR", Map.of()));
        assertEquals("$1 {not closed", TaskSummaries.fill("{price} {not closed", Map.of("price", "$1")));
        assertEquals("", TaskSummaries.fill("", data));
        assertEquals("", TaskSummaries.fill("{order}", null));
    }

    @Test
    void theTemplateComesFromMetaAndIsEmptyWithoutIt() {
        assertEquals("Order {order}: {total} EUR", TaskSummaries.templateOf(Ordered.class, Locale.GERMAN));
        assertEquals("", TaskSummaries.templateOf(Plain.class, Locale.ENGLISH));
    }
}
