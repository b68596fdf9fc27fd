package org.automations.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's workers that advance due automations: at most {@code automations.workers} at once,
 * on the managed executor the engine defines ({@link Tick}), fed from a queue of work (a few due
 * automations for one transaction, or one automation whose next step needs a transaction of its
 * own). A step that waits 30 s for a slow partner holds one worker; the others go on with the
 * queue. An automation is in the queue or with a worker at most once per server.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());

    /** JNDI name of the executor ({@code @ManagedExecutorDefinition} on {@link Tick}). */
    public static final String EXECUTOR = "java:app/automations/Workers";

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService pool;

    @Inject
    EngineSettings settings;

    @Inject
    StepEngine engine;

    private volatile Semaphore free;
    private volatile int size;
    /** Automations queued or with a worker, with how many pieces of work hold each. */
    private final ConcurrentHashMap<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

    /** The work one tick or run() queued, with what it queued in turn; counts and waits for it. */
    public static final class Batch {
        private int outstanding;
        private int advanced;

        synchronized void begin() {
            outstanding++;
        }

        synchronized void end(int progressed) {
            advanced += progressed;
            outstanding--;
            notifyAll();
        }

        /** Waits until all of it is done; how many automations progressed. */
        synchronized int await() {
            try {
                while (outstanding > 0) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return advanced;
        }
    }

    @PostConstruct
    void configure() {
        resize(settings.workers());
    }

    /**
     * Sets the number of workers (the configuration's {@code automations.workers} at start). Workers
     * busy now finish under the old count.
     */
    public synchronized void resize(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("automations.workers must be at least 1, not " + workers);
        }
        size = workers;
        free = new Semaphore(workers);
    }

    /** Those of the ids that this server is not advancing now; they count as taken until done. */
    List<Long> take(List<Long> ids) {
        return ids.stream().filter(id -> inFlight.putIfAbsent(id, 1) == null).toList();
    }

    /** Queues taken automations for one shared transaction. */
    void offer(Batch batch, List<Long> ids, Instant now) {
        enqueue(batch, () -> {
            try {
                return engine.advanceDue(ids, now, (id, limit, continuing) -> offerAlone(batch, id, now, limit,
                        continuing));
            } finally {
                ids.forEach(this::doneWith);
            }
        });
    }

    /** Queues one automation for transactions of its own; it stays taken until then. */
    private void offerAlone(Batch batch, long id, Instant now, Duration limit, boolean continuing) {
        inFlight.merge(id, 1, Integer::sum); // held by this work too, past the end of the shared one
        enqueue(batch, () -> {
            try {
                return engine.advanceAlone(id, now, limit, continuing);
            } finally {
                doneWith(id);
            }
        });
    }

    private interface Work {
        int run();
    }

    private void enqueue(Batch batch, Work work) {
        batch.begin();
        queue.add(() -> {
            int progressed = 0;
            try {
                progressed = work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A worker failed; the next tick tries its automations again", e);
            } finally {
                batch.end(progressed);
            }
        });
        pump();
    }

    /** Starts queued work while workers are free; each worker pumps again when it is done. */
    private void pump() {
        while (!queue.isEmpty()) {
            Semaphore slots = free; // a resize meanwhile must not mix up the permits
            if (!slots.tryAcquire()) {
                return;
            }
            Runnable next = queue.poll();
            if (next == null) {
                slots.release();
                continue;
            }
            try {
                pool.submit(() -> {
                    try {
                        next.run();
                    } finally {
                        slots.release();
                        pump();
                    }
                });
            } catch (RuntimeException e) {
                slots.release();
                queue.add(next);
                LOG.log(Level.WARNING, "The workers' executor refused work; the next tick tries again", e);
                return;
            }
        }
    }

    private void doneWith(long id) {
        inFlight.computeIfPresent(id, (key, holders) -> holders > 1 ? holders - 1 : null);
    }

    public int size() {
        return size;
    }

    /** Workers running work now (liveness). */
    public int busy() {
        return Math.max(0, size - free.availablePermits());
    }

    /** Work waiting for a free worker (liveness). */
    public int queued() {
        return queue.size();
    }
}
