package dev.breakwater.gateway.requestlog;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hands request log lines to the logger in batches: request threads only queue their line;
 * one background thread writes everything queued as one logging event (the lines joined by
 * newlines) at least every flush interval, sooner when a batch fills, and at close. One console
 * write per batch instead of one per request is most of the request log's cost. The queue is
 * bounded: when the output cannot keep up, lines are dropped and the drop is reported, rather
 * than making requests wait or the heap grow.
 */
final class BatchingLogWriter implements AutoCloseable {

    static final int BATCH_LINES = 512;
    static final int MAX_QUEUED = 64 * 1024;

    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<String> output;
    private final Consumer<String> warnings;
    private final long intervalNanos;
    private final Thread flusher;
    private volatile boolean closed;

    /**
     * @param output   writes one batch: lines separated by '\n', no trailing newline
     * @param warnings reports dropped lines
     */
    BatchingLogWriter(Consumer<String> output, Consumer<String> warnings, Duration interval) {
        this.output = output;
        this.warnings = warnings;
        this.intervalNanos = interval.toNanos();
        this.flusher = new Thread(this::run, "breakwater-request-log");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Queues a line; never blocks. */
    void add(String line) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(line);
        if (queued.get() == BATCH_LINES) {
            LockSupport.unpark(flusher);
        }
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(this, intervalNanos);
            flush();
        }
    }

    /** Writes everything queued so far, in batches of at most {@link #BATCH_LINES} lines. */
    synchronized void flush() {
        StringBuilder batch = new StringBuilder(BATCH_LINES * 256);
        int lines = 0;
        String line;
        while ((line = queue.poll()) != null) {
            queued.decrementAndGet();
            if (lines > 0) {
                batch.append('\n');
            }
            batch.append(line);
            if (++lines == BATCH_LINES) {
                output.accept(batch.toString());
                batch.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0) {
            output.accept(batch.toString());
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            warnings.accept("the request log could not keep up: " + lost + " lines were dropped");
        }
    }

    /** Stops the background thread and writes what is left. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(flusher);
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
