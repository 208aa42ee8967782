package dev.breakwater.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic pseudo-random bodies of any size, generated as they stream, and their hashes. */
public final class TestData {

    private TestData() {
    }

    /** A stream of {@code length} bytes; the same length always gives the same bytes. */
    public static InputStream stream(long length) {
        return new InputStream() {
            private long remaining = length;
            private long state = 0x9E3779B97F4A7C15L ^ length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (remaining == 0) {
                    return -1;
                }
                int n = (int) Math.min(count, remaining);
                for (int i = 0; i < n; i++) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    buffer[offset + i] = (byte) state;
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** Writes {@code length} bytes of {@link #stream} to the output, in chunks of {@code chunk} bytes. */
    public static void write(long length, OutputStream out, int chunk, boolean flushEachChunk) throws IOException {
        try (InputStream in = stream(length)) {
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (flushEachChunk) {
                    out.flush();
                }
            }
        }
    }

    public static String sha256Of(long length) throws IOException {
        return sha256(stream(length));
    }

    /** Hashes a stream to its end without keeping it. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
