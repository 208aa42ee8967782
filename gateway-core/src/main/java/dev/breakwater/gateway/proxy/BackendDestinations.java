package dev.breakwater.gateway.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpDestination;

/**
 * The backend destinations (connection pools) of Jetty's HTTP client, found without a lock.
 * {@code HttpClient} resolves a request's destination in {@code ConcurrentHashMap.compute}, which
 * locks that backend's entry on every send: with hundreds of threads on two cores, a holder that is
 * preempted there stalls every request to the same backend (a profile under load showed over 300
 * waits of 50 ms on average in 25 s). A plain lookup here avoids it; the client's own resolution
 * still creates, and replaces when stale, each destination.
 */
final class BackendDestinations {

    /** Enough for any estate; beyond it (backends chosen by expressions) destinations are not kept here. */
    private static final int MAX_CACHED = 1024;

    private final HttpClient client;
    private final ConcurrentMap<Origin, Destination> cache = new ConcurrentHashMap<>();

    BackendDestinations(HttpClient client) {
        this.client = client;
    }

    /** Sends the request to its destination, as {@code Request.send} would. */
    void send(Request request, org.eclipse.jetty.client.Response.CompleteListener listener) {
        if (client.getRedirectCache() != null) {
            request.send(listener); // redirect caching happens in Request.send: leave it to the client
            return;
        }
        Destination destination;
        try {
            destination = destinationOf(request);
        } catch (RuntimeException e) {
            request.send(listener); // the client reports what is wrong with the request the usual way
            return;
        }
        try {
            destination.send(request, listener);
        } catch (Throwable failure) {
            request.abort(failure);
        }
    }

    private Destination destinationOf(Request request) {
        Origin origin = client.getHttpClientTransport().newOrigin(request);
        Destination destination = cache.get(origin);
        if (destination == null || isStale(destination)) {
            destination = client.resolveDestination(origin);
            if (cache.size() < MAX_CACHED) {
                cache.put(origin, destination);
            }
        }
        return destination;
    }

    private static boolean isStale(Destination destination) {
        return destination instanceof HttpDestination http && http.isStale();
    }
}
