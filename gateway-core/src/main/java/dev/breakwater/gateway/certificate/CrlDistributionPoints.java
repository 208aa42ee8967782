package dev.breakwater.gateway.certificate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP(S) addresses of a certificate's CRL distribution points (extension 2.5.29.31, the full
 * names' URIs), read with a small DER walker: the JDK reads the extension only through internal
 * classes. LDAP and relative names are left out; a malformed extension names nothing, so the
 * certificate's revocation status stays unknown.
 */
public final class CrlDistributionPoints {

    private static final String OID = "2.5.29.31";
    private static final int OCTET_STRING = 0x04;
    private static final int SEQUENCE = 0x30;
    private static final int DISTRIBUTION_POINT = 0xa0;
    private static final int FULL_NAME = 0xa0; // DistributionPointName.fullName [0], inside distributionPoint [0]
    private static final int URI_NAME = 0x86;
    private static final int MAX_URLS = 8;

    private CrlDistributionPoints() {
    }

    public static List<URI> of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(OID);
        List<URI> urls = new ArrayList<>();
        if (extension == null) {
            return urls;
        }
        try {
            Tlv octets = Tlv.read(extension, 0);
            if (octets.tag != OCTET_STRING) {
                return urls;
            }
            Tlv points = Tlv.read(extension, octets.start);
            if (points.tag != SEQUENCE) {
                return urls;
            }
            for (int p = points.start; p < points.end() && urls.size() < MAX_URLS; ) {
                Tlv point = Tlv.read(extension, p);
                p = point.end();
                if (point.tag != SEQUENCE || point.length == 0) {
                    continue;
                }
                Tlv name = Tlv.read(extension, point.start);
                if (name.tag != DISTRIBUTION_POINT || name.length == 0) {
                    continue;
                }
                Tlv full = Tlv.read(extension, name.start);
                if (full.tag != FULL_NAME) {
                    continue;
                }
                for (int g = full.start; g < full.end(); ) {
                    Tlv general = Tlv.read(extension, g);
                    g = general.end();
                    if (general.tag == URI_NAME) {
                        add(urls, new String(extension, general.start, general.length, StandardCharsets.US_ASCII));
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return List.of(); // malformed: no distribution point to trust
        }
        return urls;
    }

    private static void add(List<URI> urls, String text) {
        URI url = URI.create(text.trim());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
            urls.add(url);
        }
    }

    /** One DER element: its tag, where its content starts and how long it is. */
    private record Tlv(int tag, int start, int length) {

        int end() {
            return start + length;
        }

        static Tlv read(byte[] der, int at) {
            int tag = der[at] & 0xff;
            int first = der[at + 1] & 0xff;
            int p = at + 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 3) {
                    throw new IllegalArgumentException("a DER length of " + bytes + " bytes");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[p++] & 0xff);
                }
            }
            if (p + length > der.length) {
                throw new IndexOutOfBoundsException("a DER element past the end");
            }
            return new Tlv(tag, p, length);
        }
    }
}
