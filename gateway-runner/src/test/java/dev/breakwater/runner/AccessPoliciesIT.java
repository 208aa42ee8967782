package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-header and ip-filter in the real runner in front of a real backend: what they refuse gets
 * APIM's status and message, runs on-error and never reaches the backend; what they let through does.
 * The test client connects from 127.0.0.1 and no proxy is trusted, so an X-Forwarded-For it sends is
 * not believed. A second runner listens on the IPv6 loopback {@code ::1} (skipped, visibly, where the
 * machine has none): ip-filter sees the caller {@code ::1} in any of its spellings, and, behind
 * {@code ::1} as a trusted proxy, an IPv4-mapped client address as its IPv4 address.
 */
class AccessPoliciesIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;
    /** The runner on {@code [::1]}, or null where the machine has no IPv6 loopback. */
    static InProcessGateway ipv6;

    private static String withOnError(String inbound) {
        return "<policies><inbound><base/>" + inbound + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/><set-header name=\"X-Error-Reason\" exists-action=\"override\">"
                + "<value>@(context.LastError.Reason)</value></set-header></on-error></policies>";
    }

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null,
                api("keyed", "keyed", backend.url(), withOnError("<check-header name=\"X-Api-Key\" "
                        + "failed-check-httpcode=\"401\" failed-check-error-message=\"Not authorized\" ignore-case=\"false\">"
                        + "<value>k-1</value><value>k-2</value></check-header>"), ""),
                api("local", "local", backend.url(), withOnError("<ip-filter action=\"allow\">"
                        + "<address>127.0.0.1</address><address-range from=\"::1\" to=\"::1\"/></ip-filter>"), ""),
                api("blocked", "blocked", backend.url(), withOnError("<ip-filter action=\"forbid\">"
                        + "<address-range from=\"127.0.0.0\" to=\"127.255.255.255\"/></ip-filter>"), "")));
        if (ipv6LoopbackWorks()) {
            ipv6 = new InProcessGateway(Files.createDirectories(dir.resolve("ipv6")), document(1, null,
                    api("v6-allowed", "v6-allowed", backend.url(), withOnError("<ip-filter action=\"allow\">"
                            + "<address>0:0:0:0:0:0:0:1</address></ip-filter>"), ""),
                    api("v6-others", "v6-others", backend.url(), withOnError("<ip-filter action=\"allow\">"
                            + "<address>::2</address><address>127.0.0.1</address></ip-filter>"), ""),
                    api("v6-forbidden", "v6-forbidden", backend.url(), withOnError("<ip-filter action=\"forbid\">"
                            + "<address-range from=\"::\" to=\"::ff\"/></ip-filter>"), ""),
                    api("v6-expression", "v6-expression", backend.url(), withOnError("<ip-filter action=\"allow\">"
                            + "<address>@(\"::\" + \"1\")</address></ip-filter>"
                            + "<set-header name=\"X-Caller\"><value>@(context.Request.IpAddress)</value></set-header>"), ""),
                    api("mapped", "mapped", backend.url(), withOnError("<ip-filter action=\"allow\">"
                            + "<address-range from=\"203.0.113.0\" to=\"203.0.113.255\"/></ip-filter>"), ""),
                    api("mapped-forbidden", "mapped-forbidden", backend.url(), withOnError("<ip-filter action=\"forbid\">"
                            + "<address>::ffff:198.51.100.7</address></ip-filter>"), "")),
                    Map.of(GatewaySettings.HTTP_HOST, "::1", GatewaySettings.ADMIN_HOST, "127.0.0.1",
                            GatewaySettings.TRUSTED_PROXIES, "::1"));
        }
    }

    /** Whether a socket can listen and be reached on {@code ::1} here (containers may have no IPv6). */
    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            try (java.net.Socket client = new java.net.Socket()) {
                client.connect(probe.getLocalSocketAddress(), 2000);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assumeIpv6() {
        Assumptions.assumeTrue(ipv6 != null, "this machine has no usable IPv6 loopback (::1): the IPv6 ip-filter "
                + "cases are skipped");
    }

    @AfterAll
    static void stop() throws Exception {
        if (ipv6 != null) {
            ipv6.close();
        }
        gateway.close();
        backend.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return get(gateway, path, headers);
    }

    private static HttpResponse<String> get(InProcessGateway to, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(to.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return to.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message, String reason)
            throws Exception {
        assertEquals(status, response.statusCode());
        JsonNode body = Json.parse(response.body());
        assertEquals(status, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
        assertEquals(reason, response.headers().firstValue("X-Error-Reason").orElse(null), "on-error ran");
    }

    @Test
    void checkHeaderRefusesAMissingOrWrongHeaderBeforeTheBackendAndLetsARightOneThrough() throws Exception {
        int before = backend.requestsReceived();
        assertRefused(get("/keyed/a"), 401, "Not authorized", "HeaderNotFound");
        assertRefused(get("/keyed/b", "X-Api-Key", "K-1"), 401, "Not authorized", "HeaderValueNotAllowed");
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");

        HttpResponse<String> passed = get("/keyed/c", "X-Api-Key", "k-2");
        assertEquals(200, passed.statusCode());
        assertEquals(List.of("k-2"), Echo.parse(passed.body()).header("X-Api-Key"));
        assertEquals(before + 1, backend.requestsReceived());
    }

    @Test
    void ipFilterAllowsTheLoopbackCallerAndForbidsItWhereItIsListed() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> allowed = get("/local/x");
        assertEquals(200, allowed.statusCode());
        assertEquals("/x", Echo.parse(allowed.body()).uri());
        assertEquals(before + 1, backend.requestsReceived());

        assertRefused(get("/blocked/x", "X-Forwarded-For", "203.0.113.9"), 403,
                "Caller IP address is blocked. Access denied.", "CallerIpBlocked");
        assertEquals(before + 1, backend.requestsReceived(), "the forbidden request never reached the backend");
    }

    @Test
    void ipFilterAllowsTheIpv6LoopbackCallerWhereListedAndForbidsItInARangeHoldingIt() throws Exception {
        assumeIpv6();
        int before = backend.requestsReceived();
        HttpResponse<String> allowed = get(ipv6, "/v6-allowed/x");
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals("/x", Echo.parse(allowed.body()).uri());
        HttpResponse<String> byExpression = get(ipv6, "/v6-expression/x");
        assertEquals(200, byExpression.statusCode(), byExpression.body());
        assertEquals(List.of("::1"), Echo.parse(byExpression.body()).header("X-Caller"),
                "context.Request.IpAddress is the address in its short form, as .NET writes it");
        assertEquals(before + 2, backend.requestsReceived());

        assertRefused(get(ipv6, "/v6-forbidden/x"), 403, "Caller IP address is blocked. Access denied.",
                "CallerIpBlocked");
        assertRefused(get(ipv6, "/v6-others/x"), 403, "Caller IP address ::1 is not allowed. Access denied.",
                "CallerIpNotAllowed");
        assertEquals(before + 2, backend.requestsReceived(), "no refused request reached the backend");
    }

    @Test
    void anIpv4MappedClientAddressIsItsIpv4Address() throws Exception {
        assumeIpv6();
        int before = backend.requestsReceived();
        // ::1 is a trusted proxy on this runner: the client is the address it forwards
        assertEquals(200, get(ipv6, "/mapped/x", "X-Forwarded-For", "::ffff:203.0.113.9").statusCode());
        assertEquals(200, get(ipv6, "/mapped-forbidden/x", "X-Forwarded-For", "198.51.100.8").statusCode());
        assertEquals(before + 2, backend.requestsReceived());

        assertRefused(get(ipv6, "/mapped/x", "X-Forwarded-For", "::ffff:198.51.100.7"), 403,
                "Caller IP address 198.51.100.7 is not allowed. Access denied.", "CallerIpNotAllowed");
        assertRefused(get(ipv6, "/mapped-forbidden/x", "X-Forwarded-For", "198.51.100.7"), 403,
                "Caller IP address is blocked. Access denied.", "CallerIpBlocked");
        assertRefused(get(ipv6, "/mapped-forbidden/x", "X-Forwarded-For", "::FFFF:c633:6407"), 403,
                "Caller IP address is blocked. Access denied.", "CallerIpBlocked");
        assertEquals(before + 2, backend.requestsReceived(), "no refused request reached the backend");
    }
}
