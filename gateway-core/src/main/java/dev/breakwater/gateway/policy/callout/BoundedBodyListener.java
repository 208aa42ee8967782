package dev.breakwater.gateway.policy.callout;

import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Buffers a call-out's response up to a limit and completes a future with it, on the client's
 * thread that brings the last piece: nothing waits for it. A body announced or grown beyond the
 * limit aborts the exchange at once (the rest is not read), which fails the future as TOO_LARGE.
 */
final class BoundedBodyListener implements Response.Listener {

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int limit;
    private final CompletableFuture<ResponseMessage> result = new CompletableFuture<>();
    private ByteArrayOutputStream body;

    BoundedBodyListener(int limit) {
        this.limit = limit;
    }

    CompletableFuture<ResponseMessage> result() {
        return result;
    }

    /** A length announced beyond the limit fails at once; the answer to a HEAD announces a body it does not have. */
    @Override
    public void onHeaders(Response response) {
        long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (length > limit && !HttpMethod.HEAD.is(response.getRequest().getMethod())) {
            response.abort(tooLarge());
            return;
        }
        body = new ByteArrayOutputStream(length > 0 && length <= limit ? (int) length
                : Math.min(INITIAL_CAPACITY, limit));
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        int length = content.remaining();
        if (body == null) {
            body = new ByteArrayOutputStream(Math.min(INITIAL_CAPACITY, limit));
        }
        if (body.size() + (long) length > limit) {
            response.abort(tooLarge());
            return;
        }
        if (content.hasArray()) {
            body.write(content.array(), content.arrayOffset() + content.position(), length);
            content.position(content.limit());
        } else {
            byte[] piece = new byte[length];
            content.get(piece);
            body.write(piece, 0, length);
        }
    }

    @Override
    public void onComplete(Result outcome) {
        if (outcome.isFailed()) {
            result.completeExceptionally(Callouts.failureOf(outcome.getFailure()));
            return;
        }
        Response response = outcome.getResponse();
        result.complete(ResponseMessage.received(response.getStatus(), response.getReason(),
                CalloutHeaders.ofResponse(response.getHeaders()), body == null ? new byte[0] : body.toByteArray()));
    }

    private CalloutFailure tooLarge() {
        return new CalloutFailure(CalloutFailure.Kind.TOO_LARGE, "The response of the call-out is larger than the "
                + limit + " bytes the gateway buffers for a policy");
    }
}
