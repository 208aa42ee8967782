package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that changes nothing (the same PUT twice, an assignment that exists, an import of
 * the export) makes no revision: 200 with the current entity and the unchanged revision, as
 * APIM answers, and gateways have nothing new to fetch. That no long poll is woken is checked
 * where revisions are announced ({@code ConfigStoreTest}).
 */
class UnchangedWriteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECHO = "{\"displayName\": \"Echo\", \"path\": \"echo\", \"serviceUrl\": \"http://127.0.0.1:9\","
            + " \"subscriptionRequired\": false}";
    private static final String POLICY = "<policies><inbound><base/></inbound></policies>";

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
    }

    @Test
    void theSameWritesAgainMakeNoRevision() throws Exception {
        HttpResponse<String> created = plane.admin("PUT", "/admin/apis/echo", ECHO);
        assertWrite(201, "1", created);
        HttpResponse<String> again = plane.admin("PUT", "/admin/apis/echo", ECHO);
        assertWrite(200, "1", again);
        assertEquals(JSON.readTree(created.body()), JSON.readTree(again.body()), "the current entity");

        assertWrite(200, "2", plane.adminXml("PUT", "/admin/apis/echo/policy", POLICY));
        assertWrite(200, "2", plane.adminXml("PUT", "/admin/apis/echo/policy", POLICY));
        assertWrite(201, "3", plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}"));
        assertWrite(200, "3", plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}"));
        assertWrite(200, "3", plane.admin("PUT", "/admin/gateways/gw-1/apis/echo", null));
        assertWrite(204, "3", plane.admin("DELETE", "/admin/policy", null));

        String exported = plane.admin("GET", "/admin/config", null).body();
        assertWrite(200, "3", plane.admin("PUT", "/admin/config", exported));
        assertEquals(JSON.readTree(exported), JSON.readTree(plane.admin("GET", "/admin/config", null).body()));

        assertWrite(200, "4", plane.admin("PUT", "/admin/apis/echo", ECHO.replace("Echo", "Echo 2")));
    }

    private static void assertWrite(int status, String revision, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(revision, response.headers().firstValue("Breakwater-Revision").orElseThrow(), response.body());
    }
}
