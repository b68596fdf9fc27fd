package org.automations.security;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An automation's secret key: 160 random bits as 40 lowercase hex digits (the column's and the
 * seed's shape). Pages name an automation by it (a confirmation link), so it must not be derivable
 * from anything public: the seed's SHA-1 of class name and id was, since both are guessable.
 */
public final class AutomationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 20;

    private AutomationKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
