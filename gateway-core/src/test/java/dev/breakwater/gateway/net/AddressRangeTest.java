package dev.breakwater.gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void rangesContainTheirAddressesAndNoOthers() {
        AddressRange ten = AddressRange.parse("10.0.0.0/8");
        assertTrue(ten.contains("10.1.2.3"));
        assertFalse(ten.contains("11.0.0.1"));
        AddressRange odd = AddressRange.parse("192.168.1.128/25");
        assertTrue(odd.contains("192.168.1.200"));
        assertFalse(odd.contains("192.168.1.127"));
        AddressRange single = AddressRange.parse("127.0.0.1");
        assertTrue(single.contains("127.0.0.1"));
        assertFalse(single.contains("127.0.0.2"));
        AddressRange v6 = AddressRange.parse("2001:db8::/32");
        assertTrue(v6.contains("2001:db8:1::5"));
        assertFalse(v6.contains("2001:db9::1"));
        assertFalse(v6.contains("10.1.2.3"), "IPv4 is never in an IPv6 range");
        assertTrue(AddressRange.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertFalse(ten.contains("not-an-address"));
    }

    @Test
    void onlyLiteralsAreAcceptedSoNothingIsLookedUp() {
        for (String bad : List.of("localhost", "example.com", "abc", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
            assertTrue(e.getMessage().contains("'"), e.getMessage());
        }
        assertEquals(2, AddressRange.parseList("10.0.0.0/8, ::1 ,").size());
        assertEquals(0, AddressRange.parseList(null).size());
    }
}
