package dev.breakwater.gateway.certificate;

import java.util.Arrays;

/** Just enough DER reading for tests: the PKCS#1 key inside a PKCS#8 RSA key. */
final class Der {

    private Der() {
    }

    /** PKCS#8 is SEQUENCE { INTEGER, SEQUENCE algorithm, OCTET STRING key }: the OCTET STRING's content. */
    static byte[] pkcs1Of(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at); // the outer SEQUENCE
        skip(pkcs8, at); // version
        skip(pkcs8, at); // algorithm
        int length = header(pkcs8, at); // the OCTET STRING
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    private static void skip(byte[] der, int[] at) {
        int length = header(der, at);
        at[0] += length;
    }

    /** Reads a tag and length; leaves {@code at} on the content and returns its length. */
    private static int header(byte[] der, int[] at) {
        at[0]++; // tag
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }
}
