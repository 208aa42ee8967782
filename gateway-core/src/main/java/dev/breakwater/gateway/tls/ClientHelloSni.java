package dev.breakwater.gateway.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the SNI host name from the first bytes of a TLS connection, the ClientHello, without
 * consuming them: the HTTPS listener must choose whether to request a client certificate before
 * the JDK's SSLEngine exists, because JSSE fixes want/need-client-auth when the handshake starts.
 * Only the first TLS record is read (at most {@link #MAX_BYTES}); anything malformed, truncated past
 * that bound or without a host name gives "no name", which is the listener's default.
 */
public final class ClientHelloSni {

    /** A record header and the largest TLS plaintext record: the most bytes ever waited for. */
    public static final int MAX_BYTES = 5 + 16_384;

    private static final int HANDSHAKE = 0x16;
    private static final int CLIENT_HELLO = 0x01;
    private static final int SERVER_NAME = 0x0000;
    private static final int HOST_NAME = 0x00;

    private ClientHelloSni() {
    }

    /**
     * The host name the client asks for, lower case; {@link Optional#empty()} for none, for bytes
     * that are no ClientHello or for one that does not fit in the first record; {@code null} while
     * the first record is not complete yet (read more bytes, then ask again).
     */
    public static Optional<String> hostName(ByteBuffer buffer) {
        int start = buffer.position();
        int available = buffer.remaining();
        if (available < 5) {
            return available > 0 && (buffer.get(start) & 0xff) != HANDSHAKE ? Optional.empty() : null;
        }
        if ((buffer.get(start) & 0xff) != HANDSHAKE || buffer.get(start + 1) != 0x03) {
            return Optional.empty();
        }
        int recordLength = u16(buffer, start + 3);
        if (recordLength > MAX_BYTES - 5) {
            return Optional.empty();
        }
        if (available < 5 + recordLength) {
            return null;
        }
        try {
            return Optional.ofNullable(parse(buffer, start + 5, start + 5 + recordLength));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty(); // a length that points past the record: malformed
        }
    }

    /** The host name inside a ClientHello that lies between {@code at} and {@code end}, or {@code null}. */
    private static String parse(ByteBuffer b, int at, int end) {
        if ((b.get(at) & 0xff) != CLIENT_HELLO) {
            return null;
        }
        int p = at + 4 + 2 + 32; // type, 24-bit length, client_version, random
        p += 1 + (b.get(p) & 0xff); // session id
        p += 2 + u16(b, p); // cipher suites
        p += 1 + (b.get(p) & 0xff); // compression methods
        if (p + 2 > end) {
            return null; // no extensions at all
        }
        int extensionsEnd = Math.min(end, p + 2 + u16(b, p));
        p += 2;
        while (p + 4 <= extensionsEnd) {
            int type = u16(b, p);
            int length = u16(b, p + 2);
            p += 4;
            if (type == SERVER_NAME) {
                return serverName(b, p, Math.min(extensionsEnd, p + length));
            }
            p += length;
        }
        return null;
    }

    private static String serverName(ByteBuffer b, int p, int end) {
        int listEnd = Math.min(end, p + 2 + u16(b, p));
        p += 2;
        while (p + 3 <= listEnd) {
            int nameType = b.get(p) & 0xff;
            int length = u16(b, p + 1);
            p += 3;
            if (p + length > listEnd) {
                return null;
            }
            if (nameType == HOST_NAME) {
                byte[] name = new byte[length];
                for (int i = 0; i < length; i++) {
                    name[i] = b.get(p + i);
                }
                return new String(name, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            }
            p += length;
        }
        return null;
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xff) << 8) | (b.get(at + 1) & 0xff);
    }
}
