package dev.breakwater.gateway.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads certificates as the configuration gives them: {@code data}, base64 of a PKCS#12 file with
 * its {@code password} (APIM's certificate contract), or {@code pem} text with the certificate, its
 * chain and the private key. Sizes are bounded before anything is parsed.
 */
public final class CertificateReader {

    /** The largest PKCS#12 file or PEM text read (a certificate with a long chain is a few KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    private CertificateReader() {
    }

    /** From base64 PKCS#12 data; whitespace (line breaks) in the base64 is allowed. */
    public static ClientCertificate fromData(String id, String base64, String password)
            throws UnreadableCertificateException {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCertificateException("data is not valid base64");
        }
        return fromPkcs12(id, data, password);
    }

    /** From the bytes of a PKCS#12 file; {@code password} may be {@code null} (none). */
    public static ClientCertificate fromPkcs12(String id, byte[] data, String password)
            throws UnreadableCertificateException {
        if (data.length == 0) {
            throw new UnreadableCertificateException("the PKCS#12 data is empty");
        }
        if (data.length > MAX_BYTES) {
            throw new UnreadableCertificateException("the PKCS#12 data has " + data.length + " bytes; at most "
                    + MAX_BYTES + " are read");
        }
        return Pkcs12Reader.read(id, data, password == null ? null : password.toCharArray());
    }

    /** From PEM text. */
    public static ClientCertificate fromPem(String id, String pem) throws UnreadableCertificateException {
        int bytes = pem.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new UnreadableCertificateException("the PEM text has " + bytes + " bytes; at most " + MAX_BYTES
                    + " are read");
        }
        return PemReader.read(id, pem);
    }
}
