package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ip-filter on the whole flow with a stub backend, for callers at chosen addresses: allow and forbid,
 * single addresses and from/to ranges, IPv4 and IPv6, and what a document may not say.
 */
class IpFilterPolicyTest {

    private static final RouteInfo ROUTE = new RouteInfo("echo", "Echo API", "/echo", "http://backend/base",
            List.of("http", "https"), "get-item", "Get item", "GET", "/items/{id}");

    private final StubBackend backend = new StubBackend();

    private static Pipeline pipeline(String action, String children) throws Exception {
        return PolicyTesting.pipeline(in(Section.INBOUND, "<ip-filter action=\"" + action + "\">" + children
                + "</ip-filter>"), Set.of());
    }

    /** The flow of a request from this caller; an X-Forwarded-For the caller wrote must not matter. */
    private PolicyContext from(String caller, Pipeline pipeline) throws Exception {
        Headers headers = new Headers().add("X-Forwarded-For", "10.1.2.3");
        ClientRequest client = new ClientRequest("5b0c5b6f-6d36-4e1c-9d3c-3f3a1a0e5e11", Instant.now(), System.nanoTime(),
                "GET", "https", "gw.example.com", 443, "/echo/items", null, caller, false);
        RequestMessage request = new RequestMessage("GET", "http://backend/base", "/items", null, () -> headers,
                Body.stream());
        PolicyContext context = new PolicyContext(client, ROUTE, TemplateValues.NONE, request, Deployment.standalone(),
                Clock.systemUTC());
        context.setForwarder(backend);
        return PolicyTesting.flow(pipeline, context);
    }

    private int status(String caller, Pipeline pipeline) throws Exception {
        return from(caller, pipeline).response().status();
    }

    @Test
    void allowLetsListedCallersThroughAndRefusesOthersWithApimsError() throws Exception {
        Pipeline allow = pipeline("allow", "<address>13.66.201.169</address>"
                + "<address-range from=\"13.66.140.128\" to=\"13.66.140.143\"/>");
        assertEquals(200, status("13.66.201.169", allow));
        assertEquals(200, status("13.66.140.128", allow));
        assertEquals(200, status("13.66.140.143", allow));
        assertEquals(3, backend.calls.size());

        PolicyContext refused = from("13.66.140.144", allow);
        assertEquals(403, refused.response().status());
        assertEquals("ip-filter", refused.lastError().source());
        assertEquals("CallerIpNotAllowed", refused.lastError().reason());
        assertEquals("{\"statusCode\":403,\"message\":\"Caller IP address 13.66.140.144 is not allowed. Access denied.\"}",
                body(refused.response()));
        assertEquals(403, status("10.1.2.3", allow), "an X-Forwarded-For the caller wrote is not the caller");
        assertEquals(3, backend.calls.size(), "no refused request reached the backend");
    }

    @Test
    void forbidRefusesListedCallersAndLetsOthersThrough() throws Exception {
        Pipeline forbid = pipeline("forbid", "<address-range from=\"10.0.0.0\" to=\"10.255.255.255\"/>");
        PolicyContext refused = from("10.0.0.7", forbid);
        assertEquals(403, refused.response().status());
        assertEquals("CallerIpBlocked", refused.lastError().reason());
        assertEquals("Caller IP address is blocked. Access denied.", refused.lastError().message());
        assertTrue(backend.calls.isEmpty());

        PolicyContext passed = from("11.0.0.1", forbid);
        assertEquals(200, passed.response().status());
        assertNull(passed.lastError());
        assertEquals(1, backend.calls.size());
    }

    @Test
    void rangesCompareWholeAddressesNotOctetByOctet() throws Exception {
        Pipeline allow = pipeline("allow", "<address-range from=\"10.0.1.250\" to=\"10.0.3.5\"/>");
        assertEquals(200, status("10.0.2.1", allow));
        assertEquals(200, status("10.0.1.255", allow));
        assertEquals(403, status("10.0.1.249", allow));
        assertEquals(403, status("10.0.3.6", allow));
    }

    @Test
    void ipv6AddressesAndRanges() throws Exception {
        Pipeline allow = pipeline("allow", "<address>2001:db8::1</address>"
                + "<address-range from=\"2001:db8:0:1::\" to=\"2001:db8:0:1:ffff:ffff:ffff:ffff\"/>");
        assertEquals(200, status("2001:0db8:0:0:0:0:0:1", allow), "the same address written out in full");
        assertEquals(200, status("2001:db8:0:1::abcd", allow));
        assertEquals(200, status("[2001:db8::1]", allow));
        assertEquals(200, status("2001:db8::1%eth0", allow), "a zone is not the address");
        assertEquals(403, status("2001:db8:0:2::", allow));
        assertEquals(403, status("32.1.13.184", allow), "an IPv4 address never lies in an IPv6 range");

        Pipeline v4 = pipeline("allow", "<address>127.0.0.1</address>");
        assertEquals(200, status("::ffff:127.0.0.1", v4), "an IPv4-mapped caller is its IPv4 address");
        assertEquals(403, status("::1", v4));
    }

    @Test
    void aCallerWhoseAddressCannotBeReadIsRefused() throws Exception {
        PolicyContext context = from("unknown", pipeline("forbid", "<address>10.0.0.1</address>"));
        assertEquals(403, context.response().status());
        assertEquals("FailedToParseCallerIP", context.lastError().reason());
    }

    @Test
    void actionAndAddressesMayBeExpressionsOrNamedValues() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(
                List.of(new NamedValueDefinition("office", null, "192.0.2.10", false)), List.of()), null, null,
                in(Section.INBOUND, "<ip-filter action=\"@(&quot;al&quot; + &quot;low&quot;)\"><address>{{office}}"
                        + "</address><address>@(context.Request.Headers.GetValueOrDefault(&quot;X-Allowed&quot;, "
                        + "&quot;192.0.2.99&quot;))</address></ip-filter>"), Set.of());
        assertEquals(200, status("192.0.2.10", pipeline));
        assertEquals(200, status("192.0.2.99", pipeline));
        assertEquals(403, status("192.0.2.11", pipeline));

        Pipeline badAddress = pipeline("allow", "<address>@(&quot;not-an-address&quot;)</address>");
        PolicyContext failed = from("192.0.2.10", badAddress);
        assertEquals(500, failed.response().status(), "neither allowed nor forbidden on a bad address");
        assertEquals("InvalidAddress", failed.lastError().reason());

        PolicyContext badAction = from("192.0.2.10", pipeline("@(&quot;maybe&quot;)", "<address>1.2.3.4</address>"));
        assertEquals(500, badAction.response().status());
        assertEquals("InvalidAction", badAction.lastError().reason());
    }

    @Test
    void mistakesAreCompileErrors() {
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter><address>1.2.3.4</address></ip-filter>"))
                .contains("attribute 'action' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"deny\"><address>1.2.3.4</address></ip-filter>"))
                .contains("must be allow or forbid, not 'deny'"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"/>"))
                .contains("at least one <address> or <address-range>"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address>1.2.3</address></ip-filter>"))
                .contains("'1.2.3' is not an IP address"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address>10.0.0.0/8</address>"
                + "</ip-filter>")).contains("not a single IP address"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address>example.com</address>"
                + "</ip-filter>")).contains("'example.com' is not an IP address"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address-range from=\"10.0.0.9\" "
                + "to=\"10.0.0.1\"/></ip-filter>")).contains("'10.0.0.9' comes after '10.0.0.1'"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address-range from=\"10.0.0.1\" "
                + "to=\"::1\"/></ip-filter>")).contains("not of the same family"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address-range from=\"10.0.0.1\"/>"
                + "</ip-filter>")).contains("attribute 'to' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><address-range from=\"@(&quot;1.1.1.1&quot;)\" "
                + "to=\"1.1.1.2\"/></ip-filter>")).contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\" header-name=\"X-Forwarded-For\">"
                + "<address>1.2.3.4</address></ip-filter>")).contains("'header-name' is not supported"));
        assertTrue(compileError(in(Section.INBOUND, "<ip-filter action=\"allow\"><ip>1.2.3.4</ip></ip-filter>"))
                .contains("not allowed inside <ip-filter>"));
        assertTrue(compileError(in(Section.OUTBOUND, "<ip-filter action=\"allow\"><address>1.2.3.4</address>"
                + "</ip-filter>")).contains("ip-filter"));
    }
}
