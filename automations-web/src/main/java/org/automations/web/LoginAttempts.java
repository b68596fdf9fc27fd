package org.automations.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the login error page whether the realm has locked a user name, so that it can say "too many
 * attempts, try again in N minutes" instead of "wrong password" (Elytron answers a locked identity
 * exactly like a wrong password). It mirrors Elytron's brute-force rule as configure.cli sets it:
 * {@link #MAX_FAILURES} failures within {@link #WINDOW} lock the name for {@link #LOCK}. It only
 * explains; the lock itself is Elytron's. Since {@link LoginThrottle} lets one address fail only
 * {@value LoginThrottle#FREE_FAILURES} + 1 times a minute, only several addresses together reach
 * this lock: it is the backstop against guessing from many addresses.
 */
@ApplicationScoped
public class LoginAttempts {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LOCK = Duration.ofMinutes(1);
    /** Names tracked at most: random names must not fill the heap. */
    private static final int MAX_NAMES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * Records a failed login of {@code user} (the login error page renders once per failure) and
     * answers how many minutes (rounded up) the name stays locked; 0 when it is not locked.
     */
    public long failedAndLockedMinutes(String user) {
        if (user == null || user.isBlank()) {
            return 0;
        }
        Instant now = clock.instant();
        if (failures.size() >= MAX_NAMES) {
            failures.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(WINDOW.plus(LOCK))));
        }
        Deque<Instant> times = failures.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            Instant lockedUntil = lockedUntil(times);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return minutesUntil(now, lockedUntil);
            }
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            times.addLast(now);
            lockedUntil = lockedUntil(times);
            return lockedUntil == null ? 0 : minutesUntil(now, lockedUntil);
        }
    }

    /** Locked from the failure that reached the maximum within the window. */
    private static Instant lockedUntil(Deque<Instant> times) {
        if (times.size() < MAX_FAILURES) {
            return null;
        }
        return times.peekLast().plus(LOCK);
    }

    private static long minutesUntil(Instant now, Instant until) {
        long seconds = Duration.between(now, until).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }
}
