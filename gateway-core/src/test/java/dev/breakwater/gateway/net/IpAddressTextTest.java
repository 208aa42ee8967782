package dev.breakwater.gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("198.51.100.7", IpAddressText.canonical("::ffff:198.51.100.7"));
        assertEquals("198.51.100.7", IpAddressText.canonical("[::FFFF:c633:6407]"));
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
