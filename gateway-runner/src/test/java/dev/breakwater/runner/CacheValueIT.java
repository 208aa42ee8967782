package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APIM's custom-caching pattern through the real runner: cache-lookup-value, and on a miss a
 * send-request to a real service whose JSON answer cache-store-value keeps; later requests are
 * answered from the cache without calling the service, until cache-remove-value (another operation)
 * takes the value away.
 */
class CacheValueIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static TestBackend service;
    static InProcessGateway gateway;

    private static final String KEY = "@(&quot;profile-&quot; + context.Request.Headers.GetValueOrDefault(&quot;X-User&quot;, &quot;nobody&quot;))";

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        service = new TestBackend();
        String lookup = "<cache-lookup-value key=\"" + KEY + "\" variable-name=\"profile\"/>"
                + "<set-variable name=\"source\" value=\"cache\"/>"
                + "<choose><when condition=\"@(!context.Variables.ContainsKey(&quot;profile&quot;))\">"
                + "<send-request mode=\"new\" response-variable-name=\"r\" timeout=\"10\">"
                + "<set-url>@(\"" + service.url() + "/directory/\" + context.Request.Headers.GetValueOrDefault(\"X-User\", \"nobody\"))</set-url>"
                + "</send-request>"
                + "<set-variable name=\"profile\" value=\"@(((IResponse)context.Variables[&quot;r&quot;]).Body.As&lt;JObject&gt;())\"/>"
                + "<cache-store-value key=\"" + KEY + "\" value=\"@((JObject)context.Variables[&quot;profile&quot;])\" duration=\"300\"/>"
                + "<set-variable name=\"source\" value=\"service\"/>"
                + "</when></choose>"
                + "<return-response><set-status code=\"200\" reason=\"OK\"/>"
                + "<set-header name=\"X-Source\"><value>@((string)context.Variables[\"source\"])</value></set-header>"
                + "<set-header name=\"X-Uri\"><value>@((string)((JObject)context.Variables[\"profile\"])[\"uri\"])</value></set-header>"
                + "</return-response>";
        String forget = "<cache-remove-value key=\"" + KEY + "\"/>"
                + "<return-response><set-status code=\"204\" reason=\"No Content\"/></return-response>";
        gateway = new InProcessGateway(dir, documentWith(1, null, "[]", "[]", api("cache", "cache", backend.url(), null,
                operations(operation("profile", "GET", "/profile", inbound(lookup)),
                        operation("forget", "DELETE", "/profile", inbound(forget))))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
        service.close();
    }

    private static HttpResponse<String> profile(String user) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/cache/profile")).header("X-User", user));
    }

    @Test
    void theSecondRequestIsAnsweredFromTheCacheWithoutCallingTheService() throws Exception {
        int before = service.requestsReceived();
        HttpResponse<String> first = profile("ada");
        assertEquals(200, first.statusCode());
        assertEquals("service", first.headers().firstValue("X-Source").orElseThrow());
        assertEquals("/directory/ada", first.headers().firstValue("X-Uri").orElseThrow());
        assertEquals(before + 1, service.requestsReceived());

        HttpResponse<String> second = profile("ada");
        assertEquals(200, second.statusCode());
        assertEquals("cache", second.headers().firstValue("X-Source").orElseThrow());
        assertEquals("/directory/ada", second.headers().firstValue("X-Uri").orElseThrow(), "the cached JSON, read again");
        assertEquals(before + 1, service.requestsReceived(), "the service was not called again");

        HttpResponse<String> other = profile("grace");
        assertEquals("service", other.headers().firstValue("X-Source").orElseThrow(), "another key misses");
        assertEquals("/directory/grace", other.headers().firstValue("X-Uri").orElseThrow());
        assertEquals(before + 2, service.requestsReceived());
        assertEquals(0, backend.requestsReceived(), "return-response answered, nothing was forwarded");
    }

    @Test
    void removingTheValueMakesTheNextRequestCallTheServiceAgain() throws Exception {
        profile("linus");
        assertEquals("cache", profile("linus").headers().firstValue("X-Source").orElseThrow());
        int before = service.requestsReceived();
        HttpResponse<String> removed = gateway.send(HttpRequest.newBuilder(gateway.uri("/cache/profile"))
                .header("X-User", "linus").DELETE());
        assertEquals(204, removed.statusCode());
        HttpResponse<String> again = profile("linus");
        assertEquals("service", again.headers().firstValue("X-Source").orElseThrow());
        assertEquals(before + 1, service.requestsReceived());
    }

    private static String inbound(String policies) {
        return "<policies><inbound><base/>" + policies + "</inbound><on-error><base/></on-error></policies>";
    }
}
