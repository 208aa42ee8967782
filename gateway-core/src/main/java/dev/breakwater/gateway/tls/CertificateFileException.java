package dev.breakwater.gateway.tls;

/**
 * A certificate, key or keystore file of an HTTPS listener that cannot be served. The message
 * names the setting and the file and says what is wrong; it never holds key bytes or a password.
 */
public final class CertificateFileException extends Exception {

    public CertificateFileException(String message) {
        super(message, null, false, false);
    }
}
