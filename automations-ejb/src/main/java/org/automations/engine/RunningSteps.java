package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Execute steps running on this server now (for the time limit's watchdog and the errors page),
 * and how long each node's steps took here lately (a step joins a transaction shared with other
 * steps only when its node is known to be fast, so a slow partner holds back nothing but itself).
 */
@ApplicationScoped
public class RunningSteps {

    /** A node whose recent steps took less than this on average counts as fast. */
    static final Duration FAST = Duration.ofMillis(100);
    /** Weight of the latest duration in the moving average. */
    private static final double WEIGHT = 0.3;

    /** One step running now. */
    public static final class Step {
        private final long automationId;
        private final long taskId;
        private final String automationClass;
        private final String node;
        private final Thread thread;
        private final Instant started;
        private final Duration limit;
        private volatile boolean timedOut;

        Step(long automationId, long taskId, String automationClass, String node, Thread thread, Instant started,
                Duration limit) {
            this.automationId = automationId;
            this.taskId = taskId;
            this.automationClass = automationClass;
            this.node = node;
            this.thread = thread;
            this.started = started;
            this.limit = limit;
        }

        public long getAutomationId() {
            return automationId;
        }

        public long getTaskId() {
            return taskId;
        }

        public String getAutomationClass() {
            return automationClass;
        }

        public String getNode() {
            return node;
        }

        public Instant getStarted() {
            return started;
        }

        public Duration getLimit() {
            return limit;
        }

        /** How long it has run so far. */
        public Duration getRunning() {
            return Duration.between(started, Instant.now());
        }

        public boolean isTimedOut() {
            return timedOut;
        }

        Thread thread() {
            return thread;
        }

        /** The watchdog could not record the timeout yet: it tries again. */
        void retryTimeout() {
            timedOut = false;
        }

        boolean overdue(Instant now) {
            return !timedOut && now.isAfter(started.plus(limit));
        }
    }

    private final Map<Step, Boolean> running = new ConcurrentHashMap<>();
    private final Map<String, Double> averageMillis = new ConcurrentHashMap<>();

    Step start(long automationId, long taskId, String automationClass, String node, Duration limit) {
        Step step = new Step(automationId, taskId, automationClass, node, Thread.currentThread(), Instant.now(), limit);
        running.put(step, Boolean.TRUE);
        return step;
    }

    /** The step returned (or threw); its duration goes into its node's average. */
    void end(Step step) {
        running.remove(step);
        double millis = step.getRunning().toNanos() / 1e6;
        averageMillis.merge(step.automationClass + "." + step.node, millis, (old, latest) -> old + WEIGHT * (latest - old));
    }

    /** True when steps of that node ran here before and took less than {@link #FAST} on average. */
    boolean knownFast(String automationClass, String node) {
        Double average = averageMillis.get(automationClass + "." + node);
        return average != null && average < FAST.toMillis();
    }

    /** Steps past their limit that the watchdog has not handled yet; each is marked as timed out. */
    List<Step> takeOverdue(Instant now) {
        List<Step> overdue = running.keySet().stream().filter(step -> step.overdue(now)).toList();
        overdue.forEach(step -> step.timedOut = true);
        return overdue;
    }

    /** Steps running now past their time limit: their threads have not come back (liveness). */
    public long pastLimit(Instant now) {
        return running.keySet().stream().filter(step -> now.isAfter(step.started.plus(step.limit))).count();
    }

    /** The steps running now, longest first. */
    public List<Step> all() {
        return running.keySet().stream().sorted(Comparator.comparing(Step::getStarted)).toList();
    }
}
