package org.automations.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Failed logins per client address, with a lock that grows: an address's first
 * {@value #FREE_FAILURES} failures cost nothing, the next one locks it for {@link #FIRST_LOCK}, each
 * further one for twice as long as the one before (2, 4, 8 minutes, then {@link #LONGEST_LOCK} each;
 * failures are only counted when they reach the realm, never while locked). An address is
 * forgotten {@link #MEMORY} after its last failure and the end of its lock; a successful login does
 * not clear it, or an attacker with an account of their own could reset their count between guesses.
 * <p>
 * {@link LoginThrottleExtension} refuses a locked address's logins before the realm checks the
 * password; login-error.xhtml ({@link LoginFailure}) records each failure, because the FORM mechanism
 * shows that page for every failed login and for nothing else. The user name is not part of the
 * key: an attacker who knows a name slows down only the address they use (Elytron's own lock per
 * name, configure.cli, is the backstop against many addresses). IPv6 addresses count per /64, the
 * block one client usually holds.
 */
public class LoginThrottle {

    /** Where the WAR's servlet context keeps the one throttle of the deployment. */
    public static final String ATTRIBUTE = LoginThrottle.class.getName();

    static final int FREE_FAILURES = 4;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofMinutes(15);
    /** Addresses tracked at most: a flood of addresses must not fill the heap. */
    static final int MAX_ADDRESSES = 100_000;

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Records a failed login from {@code address}; the seconds it is now locked for (0: not locked). */
    public long failed(String address) {
        Instant now = clock.instant();
        String key = key(address);
        if (!addresses.containsKey(key) && addresses.size() >= MAX_ADDRESSES) {
            addresses.values().removeIf(failures -> failures.forgotten(now));
            if (addresses.size() >= MAX_ADDRESSES) {
                LOG.warning("Login throttle full (" + MAX_ADDRESSES + " addresses): " + key + " is not counted");
                return 0;
            }
        }
        Failures failures = addresses.compute(key, (k, old) -> old == null || old.forgotten(now) ? new Failures() : old);
        synchronized (failures) {
            failures.count++;
            failures.last = now;
            if (failures.count > FREE_FAILURES) {
                failures.lockedUntil = now.plus(lock(failures.count - FREE_FAILURES));
            }
            return secondsLeft(failures, now);
        }
    }

    /** The seconds {@code address} stays locked (rounded up); 0 when it may log in. */
    public long lockedSeconds(String address) {
        Failures failures = addresses.get(key(address));
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            return secondsLeft(failures, clock.instant());
        }
    }

    /** The minutes {@code address} stays locked (rounded up); 0 when it may log in. */
    public long lockedMinutes(String address) {
        return (lockedSeconds(address) + 59) / 60;
    }

    /** The lock after the {@code n}th failure beyond the free ones: 1, 2, 4, 8 minutes, then the longest. */
    static Duration lock(int n) {
        if (n > 5) {
            return LONGEST_LOCK;
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << (n - 1));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static long secondsLeft(Failures failures, Instant now) {
        if (failures.lockedUntil == null || !now.isBefore(failures.lockedUntil)) {
            return 0;
        }
        Duration left = Duration.between(now, failures.lockedUntil);
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    /** The address itself, IPv6 cut to its /64 prefix. */
    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;

        boolean forgotten(Instant now) {
            Instant latest = lockedUntil != null && lockedUntil.isAfter(last) ? lockedUntil : last;
            return now.isAfter(latest.plus(MEMORY));
        }
    }
}
