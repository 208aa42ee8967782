package dev.breakwater.gateway.proxy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the backend's response body to the client without blocking: each piece is written
 * when the client connection can take it, and the backend is asked for the next piece only
 * then (the callback), so a client that reads slowly holds no thread and slows only its own
 * backend exchange. A body without a length (a stream: chunked downloads, server-sent events)
 * is flushed piece by piece so that each arrives as it comes.
 *
 * <p>Servlet rules: {@link #onWritePossible} is called by the container once after the
 * listener is set, and again only after {@code isReady()} said false; otherwise the next
 * piece is written at once by {@link #write}.
 */
final class ResponseBodyWriter implements WriteListener {

    private final ServletOutputStream output;
    private final Response backendResponse;
    private final boolean flushEachPiece;
    private final Runnable onError;
    private boolean listening;
    private byte[] buffer;
    private int offset;
    private int length;
    private boolean flushPending;
    private Callback callback;

    ResponseBodyWriter(ServletOutputStream output, Response backendResponse, boolean flushEachPiece, Runnable onError) {
        this.output = output;
        this.backendResponse = backendResponse;
        this.flushEachPiece = flushEachPiece;
        this.onError = onError;
    }

    /** Takes the next piece; {@code callback} completes once the client connection has it. */
    void write(byte[] bytes, int from, int count, Callback done) throws IOException {
        buffer = bytes;
        offset = from;
        length = count;
        callback = done;
        if (!listening) {
            listening = true;
            output.setWriteListener(this); // the container calls onWritePossible
        } else {
            onWritePossible();
        }
    }

    @Override
    public void onWritePossible() throws IOException {
        if (buffer != null) {
            byte[] bytes = buffer;
            buffer = null;
            output.write(bytes, offset, length);
            flushPending = flushEachPiece;
            if (!output.isReady()) {
                return; // called again once written
            }
        }
        if (flushPending) {
            flushPending = false;
            output.flush();
            if (!output.isReady()) {
                return;
            }
        }
        Callback done = callback;
        if (done != null) {
            callback = null; // cleared first: completing it may hand us the next piece right away
            done.succeeded();
        }
    }

    @Override
    public void onError(Throwable failure) {
        Callback done = callback;
        callback = null;
        if (done != null) {
            done.failed(failure);
        }
        onError.run();
        backendResponse.abort(failure);
    }
}
