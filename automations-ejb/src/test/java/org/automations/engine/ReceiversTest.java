package org.automations.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The {@code @RequireData} rule for numbers: JSON numbers arrive as the narrowest of Integer, Long, BigDecimal. */
class ReceiversTest {

    @Test
    void aNumberMeetsANumericRequirementThatHoldsItExactly() {
        assertTrue(Receivers.converts(3, BigDecimal.class));
        assertTrue(Receivers.converts(3, Long.class));
        assertTrue(Receivers.converts(3L, Integer.class));
        assertTrue(Receivers.converts(new BigDecimal("2.5"), Double.class));
        assertTrue(Receivers.converts(new BigDecimal("4.0"), Integer.class));
    }

    @Test
    void aNumberThatDoesNotFitIsRefused() {
        assertFalse(Receivers.converts(new BigDecimal("2.5"), Integer.class));
        assertFalse(Receivers.converts(10_000_000_000L, Integer.class));
        assertFalse(Receivers.converts(3, String.class));
        assertFalse(Receivers.converts(3, Boolean.class));
    }

    @Test
    void stringsStillConvertAsBefore() {
        assertTrue(Receivers.converts("12.50", BigDecimal.class));
        assertFalse(Receivers.converts("a lot", BigDecimal.class));
    }
}
