package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mock-response through the real runner: the operation's documented example, and no request to the backend. */
class MockResponseIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String responses = ", \"responses\": [{\"statusCode\": 200, \"representations\": ["
                + "{\"contentType\": \"application/json\", \"example\": " + json("{\"id\": 7, \"status\": \"shipped\"}") + "}]},"
                + "{\"statusCode\": 404, \"representations\": [{\"contentType\": \"application/problem+json\"}]}]";
        gateway = new InProcessGateway(dir, document(1, null, api("shop", "shop", backend.url(), null,
                ", \"operations\": ["
                        + "{\"id\": \"get-order\", \"method\": \"GET\", \"urlTemplate\": \"/orders/{id}\", \"policy\": "
                        + json("<policies><inbound><base/><mock-response/></inbound></policies>") + responses + "},"
                        + "{\"id\": \"missing\", \"method\": \"GET\", \"urlTemplate\": \"/missing\", \"policy\": "
                        + json("<policies><inbound><base/><mock-response status-code=\"404\"/></inbound></policies>")
                        + responses + "}]")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void theDocumentedExampleIsTheAnswer() throws Exception {
        HttpResponse<String> response = gateway.get("/shop/orders/7");
        assertEquals(200, response.statusCode());
        assertEquals("{\"id\": 7, \"status\": \"shipped\"}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(0, backend.requestsReceived(), "the backend is never called");
    }

    @Test
    void withoutAnExampleTheStatusComesWithAnEmptyBody() throws Exception {
        HttpResponse<String> response = gateway.get("/shop/missing");
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        assertEquals(0, backend.requestsReceived());
    }
}
