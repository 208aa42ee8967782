package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Forwarder;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.util.Callback;

/**
 * One request's exchange with its backend, behind forward-request. Sending completes the
 * forward-request step once the response head is in the policy context (or, when a policy reads
 * the response body, once that body is buffered, up to a limit). Outbound may then take its time:
 * the backend's body waits — its first piece held, the backend not read further — until the
 * pipeline's final response says whether that body streams to the client or is dropped.
 *
 * <p>forward-request may run more than once (retry): each run is an attempt, and a new attempt
 * drops what the previous one left (its response is aborted, its held body released). Jetty's
 * callbacks for an earlier attempt's exchange are recognised by its conversation and ignored.
 */
final class BackendCall implements Forwarder {

    /** What becomes of the backend's body once the final response is known. */
    private enum Delivery { UNDECIDED, STREAM, DISCARD }

    private final GatewayServlet servlet;
    private final Exchange exchange;
    private final boolean bufferBody;
    private final int bodyLimit;
    private final Object lock = new Object();
    private CompletableFuture<Outcome> head;
    private ByteArrayOutputStream buffered;
    private Delivery delivery = Delivery.UNDECIDED;
    private byte[] heldBytes;
    private int heldOffset;
    private int heldLength;
    private Callback heldCallback;
    private Response finished;
    private Response response;
    private Runnable whenDone;
    private boolean done;
    private Object attempt;

    BackendCall(GatewayServlet servlet, Exchange exchange, boolean bufferBody, int bodyLimit) {
        this.servlet = servlet;
        this.exchange = exchange;
        this.bufferBody = bufferBody;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public CompletionStage<Outcome> forward(PolicyContext context, ForwardOptions options) {
        if (head != null) {
            dropPreviousAttempt();
        }
        head = new CompletableFuture<>();
        servlet.sendToBackend(exchange, context, options);
        return head;
    }

    /** A new attempt begins: the previous one's response, if still running, is aborted and its held piece released. */
    private void dropPreviousAttempt() {
        Response previous;
        Callback held;
        synchronized (lock) {
            previous = finished == null && !done ? response : null;
            held = heldCallback;
            heldCallback = null;
            heldBytes = null;
            finished = null;
            response = null;
            buffered = null;
            delivery = Delivery.UNDECIDED;
            whenDone = null;
            done = false;
            attempt = null;
        }
        if (previous != null) {
            previous.abort(new DroppedBody());
        }
        if (held != null) {
            held.failed(new DroppedBody());
        }
    }

    /** The request of the attempt now under way, as it is sent. */
    void sending(Request request) {
        synchronized (lock) {
            attempt = attemptOf(request);
        }
    }

    /** Whether a callback of Jetty's is about the attempt under way (not one that a retry dropped). */
    boolean isCurrent(Response backendResponse) {
        synchronized (lock) {
            return backendResponse == null || attemptOf(backendResponse.getRequest()) == attempt;
        }
    }

    /**
     * What identifies an attempt: its conversation, which the requests of followed redirects share
     * with the request that was sent (the response that comes back is the last redirect's).
     */
    private static Object attemptOf(Request request) {
        return request instanceof HttpRequest http ? http.getConversation() : request;
    }

    /** The backend's status and headers arrived. */
    void onHeaders(PolicyContext context, ResponseMessage message, Response backendResponse) {
        this.response = backendResponse;
        context.setResponse(message);
        if (bufferBody) {
            buffered = new ByteArrayOutputStream();
        } else {
            head.complete(Outcome.CONTINUE); // outbound runs now, on this thread
        }
    }

    /** A piece of the backend's body: buffered, held, streamed or dropped. */
    void onContent(Response response, byte[] bytes, int offset, int length, Callback callback) {
        if (buffered != null) {
            if (buffered.size() + length > bodyLimit) {
                callback.failed(new BodyTooLarge(bodyLimit));
                return;
            }
            buffered.write(bytes, offset, length);
            callback.succeeded();
            return;
        }
        Delivery now;
        synchronized (lock) {
            now = delivery;
            if (now == Delivery.UNDECIDED) {
                heldBytes = bytes;
                heldOffset = offset;
                heldLength = length;
                heldCallback = callback;
                return; // the backend is not read further until the final response is known
            }
        }
        if (now == Delivery.STREAM) {
            servlet.streamToClient(exchange, response, bytes, offset, length, callback);
        } else {
            callback.succeeded();
        }
    }

    /** The backend's body is complete. */
    void onSuccess(PolicyContext context, Response response) {
        if (buffered != null && !head.isDone()) {
            context.response().body().buffered(buffered.toByteArray());
            buffered = null;
            markDone(null);
            head.complete(Outcome.CONTINUE);
            return;
        }
        Delivery now;
        synchronized (lock) {
            now = delivery;
            if (now == Delivery.UNDECIDED) {
                finished = response; // told once the final response is known
                return;
            }
        }
        if (now == Delivery.STREAM) {
            servlet.backendBodyStreamed(exchange, response);
        } else {
            markDone(null);
        }
    }

    /** What is left to do after a failure of the backend exchange. */
    enum AfterFailure {
        /** Nothing: forward-request failed with it, or the body was being dropped anyway. */
        NOTHING,
        /** The backend's body was streaming to the client: the response must be cut. */
        CUT_STREAM
    }

    /**
     * The exchange failed. Before the head (or the buffered body) was in, forward-request fails with
     * {@code error}; later, a streaming body must be cut and a dropped one just ends.
     */
    AfterFailure onFailure(PolicyException error) {
        if (!head.isDone()) {
            markDone(null);
            head.completeExceptionally(error);
            return AfterFailure.NOTHING;
        }
        Delivery now;
        synchronized (lock) {
            now = delivery;
        }
        markDone(null);
        return now == Delivery.STREAM ? AfterFailure.CUT_STREAM : AfterFailure.NOTHING;
    }

    /** Whether the backend's body can still stream to the client. */
    boolean canStream() {
        synchronized (lock) {
            return !done || finished != null;
        }
    }

    /** The final response is the backend's: its body streams, starting with what was held. */
    void stream() {
        Callback callback;
        Response complete;
        synchronized (lock) {
            delivery = Delivery.STREAM;
            callback = heldCallback;
            heldCallback = null;
            complete = finished;
        }
        if (callback != null) {
            servlet.streamToClient(exchange, response, heldBytes, heldOffset, heldLength, callback);
        }
        if (complete != null) {
            servlet.backendBodyStreamed(exchange, complete);
        }
    }

    /**
     * The final response is the gateway's own: the backend's body is dropped, and an exchange still
     * running is cut rather than read to its end; {@code then} runs when the backend is done.
     */
    void discard(Runnable then) {
        Callback callback;
        boolean alreadyDone;
        synchronized (lock) {
            delivery = Delivery.DISCARD;
            callback = heldCallback;
            heldCallback = null;
            alreadyDone = done || finished != null || head == null;
            if (!alreadyDone) {
                whenDone = then;
            }
        }
        if (alreadyDone) {
            then.run();
        } else if (response != null) {
            response.abort(new DroppedBody()); // ends in onFailure, which runs then
        }
        if (callback != null) {
            callback.failed(new DroppedBody());
        }
    }

    private void markDone(Throwable unused) {
        Runnable then;
        synchronized (lock) {
            done = true;
            then = whenDone;
            whenDone = null;
        }
        if (then != null) {
            then.run();
        }
    }

    /** The backend's response, once its head arrived. */
    Response response() {
        return response;
    }

    /** Whether forward-request ran for this request. */
    boolean started() {
        return head != null;
    }

    /** The backend's body is not wanted: the final response is the gateway's own. */
    static final class DroppedBody extends Exception {
        DroppedBody() {
            super("the response is the gateway's own; the backend's body is not read", null, false, false);
        }
    }

    /** A backend body too large for a policy to read. */
    static final class BodyTooLarge extends Exception {
        BodyTooLarge(int limit) {
            super("the backend's response body is larger than the " + limit + " bytes a policy can read", null,
                    false, false);
        }
    }
}
