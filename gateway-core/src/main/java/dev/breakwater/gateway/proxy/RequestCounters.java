package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.sync.Heartbeat;
import java.util.concurrent.atomic.LongAdder;

/** Requests answered since start, by outcome; cheap to count from many threads at once. */
public final class RequestCounters {

    private final LongAdder total = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();

    /** Counts one response by its status. */
    public void record(int status) {
        total.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
    }

    public Heartbeat.RequestCounts snapshot() {
        return new Heartbeat.RequestCounts(total.sum(), clientErrors.sum(), serverErrors.sum());
    }
}
