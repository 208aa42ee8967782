package dev.breakwater.gateway.proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a client's whole body without blocking, for a pipeline whose policies read it, up to a
 * limit: beyond it the request fails with 413. A slow client holds no thread meanwhile.
 */
final class RequestBodyReader implements ReadListener {

    /** How a read ends. */
    interface Done {
        void read(byte[] body);

        void failed(Throwable failure);
    }

    private final ServletInputStream input;
    private final int limit;
    private final Done done;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[16 * 1024];
    private final Consumer<Integer> counted;
    private boolean ended;

    private RequestBodyReader(ServletInputStream input, int limit, Done done, Consumer<Integer> counted) {
        this.input = input;
        this.limit = limit;
        this.done = done;
        this.counted = counted;
    }

    /** Starts reading; {@code done} is told on whatever thread the last piece arrives. */
    static void read(ServletInputStream input, int limit, Consumer<Integer> counted, Done done) {
        input.setReadListener(new RequestBodyReader(input, limit, done, counted));
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!ended && input.isReady()) {
            int n = input.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            counted.accept(n);
            if (body.size() + n > limit) {
                end();
                done.failed(new TooLarge(limit));
                return;
            }
            body.write(buffer, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (end()) {
            done.read(body.toByteArray());
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (end()) {
            done.failed(failure);
        }
    }

    private boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    /** A body larger than policies may read. */
    static final class TooLarge extends Exception {
        TooLarge(int limit) {
            super("The request body is larger than the " + limit + " bytes a policy can read", null, false, false);
        }
    }
}
