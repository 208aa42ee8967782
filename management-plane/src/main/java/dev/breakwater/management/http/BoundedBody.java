package dev.breakwater.management.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory, up to a limit: the reading stops at the first byte beyond
 * it, so a body without a length (chunked) is cut off there, never read whole.
 */
final class BoundedBody {

    /** The body has more bytes than the limit allows. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long limit) throws IOException, TooLarge {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                throw new TooLarge();
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }
}
