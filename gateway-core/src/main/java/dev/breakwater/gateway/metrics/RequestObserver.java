package dev.breakwater.gateway.metrics;

import java.util.List;

/** Told about every request when it ends: metrics, the request log, telemetry. Must be quick and must not throw. */
@FunctionalInterface
public interface RequestObserver {

    void requestEnded(RequestRecord record);

    /** A request arrived (for counts of requests in flight). */
    default void requestStarted() {
    }

    /** Tells each observer in turn. */
    static RequestObserver all(List<RequestObserver> observers) {
        RequestObserver[] array = observers.toArray(RequestObserver[]::new);
        return new RequestObserver() {
            @Override
            public void requestStarted() {
                for (RequestObserver observer : array) {
                    observer.requestStarted();
                }
            }

            @Override
            public void requestEnded(RequestRecord record) {
                for (RequestObserver observer : array) {
                    observer.requestEnded(record);
                }
            }
        };
    }
}
