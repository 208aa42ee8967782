package dev.breakwater.gateway.certificate;

/**
 * A certificate that cannot be read or used. Its message says what is wrong and never holds the
 * key, the password or the data.
 */
public final class UnreadableCertificateException extends Exception {

    public UnreadableCertificateException(String message) {
        super(message, null, false, false);
    }
}
