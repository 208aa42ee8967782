package dev.breakwater.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static ApiRoute api(String id, String prefix, String... hostnames) {
        return new ApiRoute(id, prefix, Set.of(hostnames), "http://backend", List.of(), null, null);
    }

    @Test
    void longestPrefixWins() {
        RouteTable table = new RouteTable(List.of(api("root", ""), api("a", "/a"), api("ab", "/a/b")));
        assertEquals("ab", table.findApi("h", "/a/b/c").id());
        assertEquals("ab", table.findApi("h", "/a/b").id());
        assertEquals("a", table.findApi("h", "/a/bc").id(), "a prefix ends at a segment boundary");
        assertEquals("a", table.findApi("h", "/a/").id());
        assertEquals("root", table.findApi("h", "/other").id());
        assertEquals("root", table.findApi("h", "/").id());
    }

    @Test
    void noApiMeansNoMatch() {
        RouteTable table = new RouteTable(List.of(api("a", "/a")));
        assertNull(table.findApi("h", "/b"));
        assertNull(table.findApi("h", "/"));
        assertNull(table.findApi("h", "/ab"));
    }

    @Test
    void hostSpecificApiWinsOverAnyHost() {
        RouteTable table = new RouteTable(List.of(api("any", "/a"), api("named", "/a", "api.example.com")));
        assertEquals("named", table.findApi("API.example.com", "/a/x").id(), "host names compare case-insensitively");
        assertEquals("any", table.findApi("other.example.com", "/a/x").id());
    }

    @Test
    void hostOnlyApiIsInvisibleOnOtherHosts() {
        RouteTable table = new RouteTable(List.of(api("named", "/a", "api.example.com")));
        assertNull(table.findApi("other.example.com", "/a/x"));
    }

    @Test
    void twoApisForTheSameRequestsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new RouteTable(List.of(api("one", "/a"), api("two", "/a")))).getMessage().contains("'one' and 'two'"));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteTable(List.of(api("one", "/a", "x.com"), api("two", "/a", "x.com", "y.com"))));
        assertEquals(2, new RouteTable(List.of(api("one", "/a", "x.com"), api("two", "/a", "y.com"))).size());
    }
}
