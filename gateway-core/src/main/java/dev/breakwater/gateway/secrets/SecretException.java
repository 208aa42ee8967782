package dev.breakwater.gateway.secrets;

/** A stored secret cannot be opened: another key, another place, or altered. */
public final class SecretException extends Exception {

    public SecretException(String message) {
        super(message);
    }
}
