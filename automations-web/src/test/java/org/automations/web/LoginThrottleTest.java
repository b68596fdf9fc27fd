package org.automations.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFifthFailureLocksTheAddressForAMinuteAndEachFurtherOneForTwiceAsLongUpToFifteen() {
        for (int i = 0; i < 4; i++) {
            assertEquals(0, throttle.failed("192.0.2.1"));
        }
        assertEquals(60, throttle.failed("192.0.2.1"));
        assertEquals(1, throttle.lockedMinutes("192.0.2.1"));
        assertEquals(0, throttle.lockedSeconds("192.0.2.2"), "another address is free");

        long[] minutes = {2, 4, 8, 15, 15};
        for (long expected : minutes) {
            clock.advance(Duration.ofSeconds(throttle.lockedSeconds("192.0.2.1")));
            assertEquals(0, throttle.lockedSeconds("192.0.2.1"), "free when the lock ends");
            assertEquals(expected * 60, throttle.failed("192.0.2.1"));
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals(15 * 60 - 30, throttle.lockedSeconds("192.0.2.1"));
        assertEquals(15, throttle.lockedMinutes("192.0.2.1"), "rounded up");
    }

    @Test
    void anAddressIsForgottenFifteenMinutesAfterItsLastFailureAndItsLock() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(1 + 15).plusSeconds(1));

        assertEquals(0, throttle.failed("192.0.2.1"), "counted from the start again");
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("2001:db8:1:2::" + i);
        }
        assertEquals(60, throttle.lockedSeconds("2001:db8:1:2:ffff::1"));
        assertEquals(0, throttle.lockedSeconds("2001:db8:1:3::1"));
    }
}
