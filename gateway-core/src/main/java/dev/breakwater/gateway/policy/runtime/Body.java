package dev.breakwater.gateway.policy.runtime;

import java.nio.charset.StandardCharsets;

/**
 * The body of a message as policies see it. It starts as a stream that flows between client and
 * backend untouched; it has bytes once the gateway buffered it (because a policy reads it) or a
 * policy set it. Reading it without preserving it consumes it, as APIM's
 * {@code Body.As<T>(preserveContent: false)} does: the message then goes on without a body.
 */
public final class Body {

    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes;
    private boolean changed;
    private boolean defaultError;

    private Body(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A body that streams from its source; no policy has read or set it. */
    public static Body stream() {
        return new Body(null);
    }

    /** A body the gateway holds in full. */
    public static Body of(byte[] bytes) {
        return new Body(bytes == null ? EMPTY : bytes);
    }

    /** Whether the body still streams from its source. */
    public boolean isStream() {
        return bytes == null;
    }

    /**
     * The bytes: {@code null} while the body is a stream (the engine buffers it before any policy
     * that reads it runs).
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Reads the content; without {@code preserve} the body is consumed and the message goes on empty. */
    public byte[] read(boolean preserve) {
        byte[] content = bytes == null ? EMPTY : bytes;
        if (!preserve) {
            bytes = EMPTY;
            changed = true;
        }
        return content;
    }

    /** Replaces the content (set-body). */
    public void set(byte[] content) {
        bytes = content == null ? EMPTY : content;
        changed = true;
        defaultError = false;
    }

    public void set(String content) {
        set(content == null ? EMPTY : content.getBytes(StandardCharsets.UTF_8));
    }

    /** Holds the buffered content of the stream; not a change. */
    public void buffered(byte[] content) {
        bytes = content == null ? EMPTY : content;
    }

    /** Whether a policy replaced or consumed the content, so the source's must not be sent. */
    public boolean isChanged() {
        return changed;
    }

    /** Marks the content as the gateway's default error body, rendered with the final status. */
    public void markDefaultError() {
        defaultError = true;
    }

    /** Whether the content is still the default error body no policy replaced. */
    public boolean isDefaultError() {
        return defaultError;
    }
}
