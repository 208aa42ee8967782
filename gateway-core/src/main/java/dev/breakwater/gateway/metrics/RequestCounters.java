package dev.breakwater.gateway.metrics;


import java.util.concurrent.atomic.LongAdder;

/** Requests answered since start, by outcome, for heartbeats; cheap to count from many threads at once. */
public final class RequestCounters implements RequestObserver {

    private final LongAdder total = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();

    @Override
    public void requestEnded(RequestRecord record) {
        record(record.status());
    }

    /** Counts one response by its status. */
    private void record(int status) {
        total.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
    }

    public RequestCounts snapshot() {
        return new RequestCounts(total.sum(), clientErrors.sum(), serverErrors.sum());
    }
}
