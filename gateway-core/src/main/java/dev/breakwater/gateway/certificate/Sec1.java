package dev.breakwater.gateway.certificate;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Wraps an SEC 1 EC private key (OpenSSL's {@code EC PRIVATE KEY}, what {@code openssl ecparam
 * -genkey} writes) into the PKCS#8 structure the JDK reads: {@code SEQUENCE { INTEGER 0, SEQUENCE {
 * id-ecPublicKey, curve }, OCTET STRING sec1 }}. The curve comes from the key's own
 * {@code [0] parameters}, which OpenSSL always writes; a key without them cannot be read.
 */
final class Sec1 {

    /** The DER of OID 1.2.840.10045.2.1, id-ecPublicKey. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final int SEQUENCE = 0x30;
    private static final int PARAMETERS = 0xa0;
    private static final int OID = 0x06;

    private Sec1() {
    }

    static byte[] toPkcs8(byte[] sec1) throws UnreadableCertificateException {
        byte[] curve = curveOid(sec1);
        ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
        algorithm.writeBytes(EC_PUBLIC_KEY);
        algorithm.writeBytes(curve);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(VERSION_0);
        body.writeBytes(Pkcs1.tlv(SEQUENCE, algorithm.toByteArray()));
        body.writeBytes(Pkcs1.tlv(0x04, sec1));
        return Pkcs1.tlv(SEQUENCE, body.toByteArray());
    }

    /** The whole OID element (tag, length, value) inside {@code [0]}: ECPrivateKey's named curve. */
    private static byte[] curveOid(byte[] der) throws UnreadableCertificateException {
        try {
            int[] at = {0};
            if ((der[0] & 0xff) != SEQUENCE) {
                throw new UnreadableCertificateException("the EC PRIVATE KEY block is not an SEC 1 EC key");
            }
            int end = length(der, at, 1) + at[0];
            while (at[0] < end) {
                int tag = der[at[0]] & 0xff;
                int start = at[0];
                int length = length(der, at, start + 1);
                if (tag == PARAMETERS) {
                    if ((der[at[0]] & 0xff) != OID) {
                        break; // explicit curve parameters, not a named curve
                    }
                    int oidStart = at[0];
                    int oidLength = length(der, at, oidStart + 1);
                    return Arrays.copyOfRange(der, oidStart, at[0] + oidLength);
                }
                at[0] += length;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new UnreadableCertificateException("the EC PRIVATE KEY block is not valid DER");
        }
        throw new UnreadableCertificateException("the EC PRIVATE KEY block names no curve: give the key as PKCS#8, "
                + "PRIVATE KEY (openssl pkcs8 -topk8 -nocrypt)");
    }

    /** Reads the length that starts at {@code from}; leaves {@code at} on the content. */
    private static int length(byte[] der, int[] at, int from) throws UnreadableCertificateException {
        int first = der[from] & 0xff;
        at[0] = from + 1;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 3) {
            throw new UnreadableCertificateException("the EC PRIVATE KEY block is not valid DER");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }
}
