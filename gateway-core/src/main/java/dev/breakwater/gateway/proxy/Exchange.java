package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.metrics.RequestRecord;
import dev.breakwater.gateway.policy.runtime.ExchangeEndHooks;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseBodyTaps;
import dev.breakwater.gateway.policy.runtime.RequestFlow;
import dev.breakwater.gateway.policy.runtime.TraceEntry;
import dev.breakwater.gateway.routing.RouteMatch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;

/**
 * The proxy's bookkeeping of one request: the servlet request and response it answers, its flow
 * through the policies and its backend call, when it and its backend exchange started, bytes each
 * way. Ends exactly once, telling the observers.
 */
final class Exchange {

    final String requestId;
    final HttpServletRequest request;
    final HttpServletResponse response;
    private final RequestObserver observer;
    // copied at the start: a servlet request must not be read once the response is complete
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String clientAddress;
    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();
    private RouteMatch route;
    private RequestFlow flow;
    private BackendCall backend;
    private long backendStartNanos = -1;
    private volatile int backendStatus = -1;
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile ClientFault clientFault;
    private ResponseBodyWriter bodyWriter;
    private volatile ResponseBodyTaps bodyTaps;
    private boolean ended;

    Exchange(HttpServletRequest request, HttpServletResponse response, String requestId, String clientAddress,
             RequestObserver observer) {
        this.requestId = requestId;
        this.request = request;
        this.response = response;
        this.observer = observer;
        this.method = request.getMethod();
        this.rawPath = request.getRequestURI();
        this.rawQuery = request.getQueryString();
        this.clientAddress = clientAddress;
        observer.requestStarted();
    }

    String clientAddress() {
        return clientAddress;
    }

    long startNanos() {
        return startNanos;
    }

    Instant started() {
        return Instant.ofEpochMilli(startMillis);
    }

    void routed(RouteMatch route, RequestFlow flow, BackendCall backend) {
        this.route = route;
        this.flow = flow;
        this.backend = backend;
    }

    RequestFlow flow() {
        return flow;
    }

    PolicyContext context() {
        return flow.context();
    }

    BackendCall backend() {
        return backend;
    }

    void backendStarted() {
        backendStartNanos = System.nanoTime();
    }

    void backendAnswered(int status) {
        backendStatus = status;
    }

    void addBytesIn(long count) {
        bytesIn += count;
    }

    void addBytesOut(long count) {
        bytesOut += count;
    }

    /** The bytes counted out so far never left the output buffer: the response is replaced. */
    void dropBytesOut() {
        bytesOut = 0;
    }

    /** The client broke the exchange (first fault wins); the request is then not the backend's failure. */
    void clientFailed(ClientFault fault) {
        if (clientFault == null) {
            clientFault = fault;
        }
    }

    ClientFault clientFault() {
        return clientFault;
    }

    /** The writer of the backend's body to the client, once the first piece has come. */
    ResponseBodyWriter bodyWriter() {
        return bodyWriter;
    }

    void bodyWriter(ResponseBodyWriter writer) {
        this.bodyWriter = writer;
    }

    /** What the policies asked to see of the backend's body as it streams; {@code null}: nothing. */
    ResponseBodyTaps bodyTaps() {
        return bodyTaps;
    }

    void bodyTaps(ResponseBodyTaps taps) {
        this.bodyTaps = taps;
    }

    /** The request is answered (or given up); runs the policies' end hooks and tells the observers, once. */
    synchronized void end(int status) {
        if (ended) {
            return;
        }
        ended = true;
        long now = System.nanoTime();
        if (flow != null) {
            // bandwidth quotas count the bytes here, the token policies the usage read as the body streamed
            ExchangeEndHooks.run(flow.context(), bytesIn, bytesOut);
        }
        List<TraceEntry> traces = flow == null ? List.of() : flow.context().traces();
        observer.requestEnded(new RequestRecord(Instant.ofEpochMilli(startMillis), requestId,
                route == null ? null : route.api().id(), route == null || route.operation() == null ? null
                : route.operation().id(), method, rawPath, rawQuery, status, backendStatus, now - startNanos,
                backendStartNanos < 0 ? -1 : now - backendStartNanos, clientAddress, bytesIn, bytesOut, traces,
                route == null ? null : route.info().keyQuery()));
    }
}
