package dev.breakwater.gateway.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Certificate thumbprints as APIM shows them: the SHA-1 of the DER encoding, 40 upper-case hex digits. */
public final class Thumbprints {

    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");

    private Thumbprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    /**
     * A thumbprint as written by a person: case and the spaces or colons that certificate viewers put
     * between bytes do not matter; {@code null} when it is not 40 hex digits then.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        return THUMBPRINT.matcher(compact).matches() ? compact : null;
    }
}
