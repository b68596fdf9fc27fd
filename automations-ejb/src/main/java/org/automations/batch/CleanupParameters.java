package org.automations.batch;

/** The job parameters of history-cleanup, checked with messages that name the parameter. */
final class CleanupParameters {

    /** Upper bound of automations deleted in one chunk transaction. */
    static final int MAX_CHUNK_SIZE = 10_000;

    private CleanupParameters() {
    }

    /** {@code days}: finished automations last updated more than this many days ago go; 0 = all finished. */
    static int days(String value) {
        int days = integer("days", value);
        if (days < 0) {
            throw new IllegalArgumentException("history-cleanup: job parameter days = " + days + " must be 0 or more");
        }
        return days;
    }

    /** {@code chunkSize}: automations per chunk (one transaction). */
    static int chunkSize(String value) {
        int size = integer("chunkSize", value);
        if (size < 1 || size > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("history-cleanup: job parameter chunkSize = " + size
                    + " must be between 1 and " + MAX_CHUNK_SIZE);
        }
        return size;
    }

    /** {@code includeFailed}: also delete FAILED automations; anything but "true" keeps them. */
    static boolean includeFailed(String value) {
        return value != null && Boolean.parseBoolean(value.trim());
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("history-cleanup: job parameter " + name + " = '" + value
                    + "' is not a whole number", e);
        }
    }
}
