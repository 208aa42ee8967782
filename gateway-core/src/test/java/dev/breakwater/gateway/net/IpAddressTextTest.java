package dev.breakwater.gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every spelling of an address comes out as .NET writes it; what is not an address is left alone. */
class IpAddressTextTest {

    @Test
    void ipv6IsShortLowerCaseAndWithoutBrackets() {
        assertEquals("::1", IpAddressText.canonical("[0:0:0:0:0:0:0:1]"));
        assertEquals("::1", IpAddressText.canonical("0:0:0:0:0:0:0:1"));
        assertEquals("::", IpAddressText.canonical("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", IpAddressText.canonical("2001:0DB8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddressText.canonical("2001:db8:0:1:1:1:1:1"), "one zero group stays");
        assertEquals("2001:0:0:1::1", IpAddressText.canonical("2001:0:0:1:0:0:0:1"), "the longest run is cut");
        assertEquals("2001:db8::1:0:0:1", IpAddressText.canonical("2001:db8:0:0:1:0:0:1"), "the first of equal runs");
        assertEquals("1::", IpAddressText.canonical("1:0:0:0:0:0:0:0"));
    }

    @Test
    void ipv4AndIpv4MappedAreDotted() {
        assertEquals("127.0.0.1", IpAddressText.canonical("127.0.0.1"));
        assertEquals("255.0.10.1", IpAddressText.canonical("255.0.10.1"));
        assertEquals("10.0.0.1", IpAddressText.canonical(" 10.0.0.1 "), "trimmed, as before");
        assertEquals("198.51.100.7", IpAddressText.canonical("::ffff:198.51.100.7"));
        assertEquals("198.51.100.7", IpAddressText.canonical("[::FFFF:c633:6407]"));
    }

    @Test
    void onlyCanonicalIpv4TakesTheFastPath() {
        for (String canonical : List.of("0.0.0.0", "127.0.0.1", "255.255.255.255", "10.20.30.40")) {
            assertTrue(IpAddressText.isCanonicalIpv4(canonical), canonical);
        }
        for (String other : List.of("256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3",
                "1.2.3.4 ", "a.b.c.d", "1234.1.1.1", "::1")) {
            assertFalse(IpAddressText.isCanonicalIpv4(other), other);
        }
    }

    @Test
    void aZoneIsKeptAndWhatIsNotAnAddressIsLeftAlone() {
        assertEquals("fe80::1%eth0", IpAddressText.canonical("[fe80:0:0:0:0:0:0:1%eth0]"));
        assertEquals("fe80::1%2", IpAddressText.canonical("fe80::1%2"));
        assertEquals("unknown", IpAddressText.canonical("unknown"));
        assertEquals("10.0.0.1:8080", IpAddressText.canonical("10.0.0.1:8080"));
        assertEquals(null, IpAddressText.canonical(null));
    }
}
