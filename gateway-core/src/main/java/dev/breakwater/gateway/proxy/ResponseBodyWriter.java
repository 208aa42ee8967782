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
 * <p>The listener is registered with the head ({@link #start}), before the body comes, so that
 * a piece is written on the thread that brings it whenever the connection can take it: no hand-off
 * to another thread per response. When it cannot, the container calls {@link #onWritePossible}
 * later. Both paths run under this object's lock: the container's first call after registration
 * may meet a piece arriving on another thread. Completing a callback happens outside the lock.
 */
final class ResponseBodyWriter implements WriteListener {

    private final ServletOutputStream output;
    private final Runnable onError;
    private Response backendResponse;
    private boolean flushEachPiece;
    private byte[] buffer;
    private int offset;
    private int length;
    private boolean flushPending;
    private Callback callback;

    ResponseBodyWriter(ServletOutputStream output, Runnable onError) {
        this.output = output;
        this.onError = onError;
    }

    /** The backend response whose body comes next; a body without a length is flushed piece by piece. */
    synchronized void prepare(Response backendResponse, boolean flushEachPiece) {
        this.backendResponse = backendResponse;
        this.flushEachPiece = flushEachPiece;
    }

    /** Registers with the container; pieces may then come. */
    void start() {
        output.setWriteListener(this);
    }

    /** Takes the next piece; {@code callback} completes once the client connection has it. */
    void write(byte[] bytes, int from, int count, Callback done) throws IOException {
        Callback written;
        synchronized (this) {
            buffer = bytes;
            offset = from;
            length = count;
            callback = done;
            written = writePending();
        }
        if (written != null) {
            written.succeeded();
        }
    }

    @Override
    public void onWritePossible() throws IOException {
        Callback written;
        synchronized (this) {
            written = writePending();
        }
        if (written != null) {
            written.succeeded();
        }
    }

    /**
     * Writes and flushes what is pending while the connection can take it; returns the callback to
     * complete when all of it is out, or {@code null} while some waits (the container calls again).
     */
    private Callback writePending() throws IOException {
        while (output.isReady()) {
            if (buffer != null) {
                byte[] bytes = buffer;
                buffer = null;
                output.write(bytes, offset, length);
                flushPending = flushEachPiece;
            } else if (flushPending) {
                flushPending = false;
                output.flush();
            } else {
                Callback done = callback;
                callback = null; // cleared first: completing it may hand us the next piece right away
                return done;
            }
        }
        return null;
    }

    @Override
    public void onError(Throwable failure) {
        Callback done;
        synchronized (this) {
            done = callback;
            callback = null;
        }
        if (done != null) {
            done.failed(failure);
        }
        onError.run();
        Response backend;
        synchronized (this) {
            backend = backendResponse;
        }
        if (backend != null) {
            backend.abort(failure);
        }
    }
}
