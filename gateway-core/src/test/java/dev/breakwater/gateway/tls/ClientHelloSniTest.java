package dev.breakwater.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The SNI host name read from real ClientHellos (the JDK's own TLS client), byte by byte, and from
 * bytes that are no ClientHello; and the host patterns that choose client certificate requests.
 */
class ClientHelloSniTest {

    /** The first bytes a JDK client sends, with this SNI ({@code null}: none). */
    private static ByteBuffer clientHello(String sni) throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine(sni == null ? null : sni, 443);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        engine.setSSLParameters(parameters);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        return out;
    }

    @Test
    void readsTheHostNameOnceTheWholeRecordIsThere() throws Exception {
        ByteBuffer hello = clientHello("API.Example.test");
        assertEquals(Optional.of("api.example.test"), ClientHelloSni.hostName(hello.duplicate()));
        assertEquals(0, hello.position(), "nothing is consumed");
        for (int length = 0; length < hello.remaining(); length++) {
            ByteBuffer part = hello.duplicate();
            part.limit(length);
            assertNull(ClientHelloSni.hostName(part), "a part of " + length + " bytes asks for more");
        }
        assertEquals(Optional.empty(), ClientHelloSni.hostName(clientHello(null)));
    }

    @Test
    void anythingElseIsNoName() throws Exception {
        assertEquals(Optional.empty(), ClientHelloSni.hostName(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
        ByteBuffer hello = clientHello("a.example.test");
        byte[] bytes = new byte[hello.remaining()];
        hello.get(bytes);
        bytes[43] = (byte) 0xff; // the session id's length now points past the record
        assertEquals(Optional.empty(), ClientHelloSni.hostName(ByteBuffer.wrap(bytes)));
        byte[] huge = {0x16, 0x03, 0x01, (byte) 0xff, (byte) 0xff};
        assertEquals(Optional.empty(), ClientHelloSni.hostName(ByteBuffer.wrap(huge)), "over the bound: no waiting");
    }

    /**
     * Hostile bytes: every byte of a real hello set to each of a few values, the hello cut short with
     * a record header that claims the cut length (so inner lengths point past the record), and random
     * records. The reader never throws, never asks for more once the record is whole, consumes nothing.
     */
    @Test
    void hostileHellosNeverThrowNorWait() throws Exception {
        ByteBuffer hello = clientHello("a.example.test");
        byte[] bytes = new byte[hello.remaining()];
        hello.get(bytes);
        for (int i = 0; i < bytes.length; i++) {
            for (int value : new int[] {0x00, 0x01, 0x7f, 0x80, 0xff, (bytes[i] + 1) & 0xff}) {
                byte[] mutated = bytes.clone();
                mutated[i] = (byte) value;
                ByteBuffer buffer = ByteBuffer.wrap(mutated);
                Optional<String> name = ClientHelloSni.hostName(buffer);
                if (i != 3 && i != 4) { // only the record length can make a whole record look partial
                    assertTrue(name != null, "byte " + i + " set to " + value + " asks for more");
                }
                assertEquals(0, buffer.position());
            }
        }
        for (int cut = 5; cut <= bytes.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
            shorter[3] = (byte) ((cut - 5) >> 8);
            shorter[4] = (byte) (cut - 5);
            Optional<String> name = ClientHelloSni.hostName(ByteBuffer.wrap(shorter));
            assertTrue(name != null, "a whole record of " + (cut - 5) + " bytes asks for more");
        }
        java.util.Random random = new java.util.Random(13);
        for (int round = 0; round < 2_000; round++) {
            byte[] record = new byte[6 + random.nextInt(600)];
            random.nextBytes(record);
            record[0] = 0x16;
            record[1] = 0x03;
            record[3] = (byte) ((record.length - 5) >> 8);
            record[4] = (byte) (record.length - 5);
            record[5] = 0x01; // a ClientHello, so the walk goes past the header
            assertTrue(ClientHelloSni.hostName(ByteBuffer.wrap(record)) != null, "round " + round);
        }
    }

    @Test
    void hostPatterns() {
        HostPatterns hosts = new HostPatterns(List.of("api.example.test", " *.mtls.example.test "));
        assertTrue(hosts.matches("API.example.test"));
        assertTrue(hosts.matches("orders.mtls.example.test"));
        assertFalse(hosts.matches("mtls.example.test"));
        assertFalse(hosts.matches("a.b.mtls.example.test"));
        assertFalse(hosts.matches(null));
        assertTrue(new HostPatterns(List.of("*")).matches(null));
        assertNull(HostPatterns.problem("*, a.example.test,*.b.example.test"));
        assertTrue(HostPatterns.problem("a.*.example.test").contains("a.*.example.test"));
    }
}
