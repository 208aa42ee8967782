package dev.breakwater.management.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawPathTest {

    @Test
    void plainPathsPass() {
        for (String path : List.of("/", "/admin/apis", "/admin/apis/echo.v2", "/gateway/v1/gateways/gw-1/configuration",
                "/admin/apis/a%20b", "/%61dmin/config")) {
            assertNull(RawPath.problem(path), path);
        }
    }

    @Test
    void everySecondSpellingIsRefusedWithWhatIsWrong() {
        assertEquals("the path has a ';' parameter", RawPath.problem("/admin;x/config"));
        assertEquals("the path has a ';' parameter", RawPath.problem("/admin;/config"));
        assertEquals("the path has a ';' parameter", RawPath.problem("/admin/config;a=b"));
        assertEquals("the path has an encoded ';' (%3B)", RawPath.problem("/admin%3bx/config"));
        assertEquals("the path has an encoded '/' (%2F)", RawPath.problem("/admin%2Fconfig"));
        assertEquals("the path has an encoded backslash (%5C)", RawPath.problem("/admin%5cconfig"));
        assertEquals("the path has a backslash", RawPath.problem("/admin\\config"));
        assertEquals("the path has an empty segment ('//' or a trailing '/')", RawPath.problem("//admin/config"));
        assertEquals("the path has an empty segment ('//' or a trailing '/')", RawPath.problem("/admin/config/"));
        assertEquals("the path has a dot segment ('.')", RawPath.problem("/./admin/config"));
        assertEquals("the path has a dot segment ('..')", RawPath.problem("/x/../admin/config"));
        assertEquals("the path has an encoded '.' (%2E)", RawPath.problem("/x/%2e%2E/admin/config"));
        assertEquals("the path has an encoded control character", RawPath.problem("/admin/config%00"));
        assertEquals("the path has a malformed percent-encoding", RawPath.problem("/admin/config%4"));
        assertEquals("the path has a malformed percent-encoding", RawPath.problem("/admin/%zzconfig"));
        assertNotNull(RawPath.problem("admin/config"));
        assertNotNull(RawPath.problem(null));
    }
}
