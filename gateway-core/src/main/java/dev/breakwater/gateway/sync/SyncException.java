package dev.breakwater.gateway.sync;

/** A pull or heartbeat did not succeed; {@link #unauthorized()} when the token was refused. */
public class SyncException extends Exception {

    private final boolean unauthorized;

    public SyncException(String message, boolean unauthorized) {
        super(message);
        this.unauthorized = unauthorized;
    }

    public boolean unauthorized() {
        return unauthorized;
    }
}
