package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.testing.ShiftedClock;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cache-lookup and cache-store through the real runner and a real backend (which echoes each request
 * it receives): a repeated GET is answered from the gateway's cache without reaching the backend, a
 * different vary-by header value misses, and an entry expires after its duration. Each test uses its
 * own value of the vary-by query parameter {@code t}, so that tests do not share entries.
 */
class ResponseCacheIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;
    /** The gateway's clock, moved past an entry's duration instead of waiting for it. */
    static final ShiftedClock clock = new ShiftedClock();

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String lookup = "<cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\""
                + " downstream-caching-type=\"public\" caching-type=\"internal\">"
                + "<vary-by-header>X-Variant</vary-by-header><vary-by-query-parameter>t</vary-by-query-parameter>"
                + "</cache-lookup>";
        gateway = new InProcessGateway(dir, documentWith(1, null, "[]", "[]", api("cached", "cached", backend.url(), null,
                operations(operation("long", "GET", "/long", policies(lookup, "<cache-store duration=\"300\"/>")),
                        operation("short", "GET", "/short", policies(lookup, "<cache-store duration=\"1\"/>"))))),
                Map.of(), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    private static String policies(String inbound, String outbound) {
        return "<policies><inbound><base/>" + inbound + "</inbound><outbound><base/>" + outbound + "</outbound></policies>";
    }

    private static HttpResponse<String> get(String path, String variant) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/cached" + path)).header("X-Variant", variant));
    }

    @Test
    void theSecondGetIsServedFromTheCacheWithTheSameBody() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> first = get("/long?t=same", "a");
        assertEquals(200, first.statusCode());
        assertEquals(before + 1, backend.requestsReceived());
        assertEquals("public, max-age=300, must-revalidate", first.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> second = get("/long?t=same", "a");
        assertEquals(200, second.statusCode());
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        assertEquals(before + 1, backend.requestsReceived(), "the backend was not called again");
    }

    @Test
    void aDifferentVaryByHeaderValueMisses() throws Exception {
        int before = backend.requestsReceived();
        get("/long?t=vary", "a");
        get("/long?t=vary", "b");
        assertEquals(before + 2, backend.requestsReceived());
        get("/long?t=vary", "b");
        get("/long?t=vary", "a");
        assertEquals(before + 2, backend.requestsReceived(), "both variants are cached");
    }

    @Test
    void anEntryExpiresAfterItsDuration() throws Exception {
        int before = backend.requestsReceived();
        get("/short?t=expiry", "a");
        assertEquals(before + 1, backend.requestsReceived());
        assertEquals(200, get("/short?t=expiry", "a").statusCode());
        assertEquals(before + 1, backend.requestsReceived(), "within its second the entry is a hit");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(200, get("/short?t=expiry", "a").statusCode());
        assertEquals(before + 2, backend.requestsReceived(), "past its duration it is gone: the backend answers again");
    }
}
