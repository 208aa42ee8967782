package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.StubBackend;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.routing.RouteMatch;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * mock-response over an operation whose responses a configuration document describes: compiled by the
 * real snapshot compiler, run on the route it matched.
 */
class MockResponsePolicyTest {

    private static final String RESPONSES = ", \"responses\": ["
            + "{\"statusCode\": 200, \"description\": \"the order\", \"representations\": ["
            + "  {\"contentType\": \"application/json\", \"example\": \"{\\\"id\\\": 7}\"},"
            + "  {\"contentType\": \"application/xml\", \"example\": \"<order id=\\\"7\\\"/>\"}]},"
            + "{\"statusCode\": 404, \"representations\": [{\"contentType\": \"application/problem+json\"}]},"
            + "{\"statusCode\": 204}]";

    private static ConfigSnapshot compile(String policy, String responses) throws ConfigException {
        String json = "{\"revision\": 1, \"apis\": [{\"id\": \"shop\", \"path\": \"shop\", \"serviceUrl\": \"http://b\", "
                + "\"subscriptionRequired\": false, \"operations\": [{\"id\": \"get-order\", \"method\": \"GET\", "
                + "\"urlTemplate\": \"/orders\", \"policy\": " + StrictJsonText.quote(policy) + responses + "}]}]}";
        return new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC())
                .compile(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    /** Runs the operation's whole flow; returns the context, whose response is the client's. */
    private static PolicyContext mock(String policy) throws Exception {
        RouteMatch match = compile(policy, RESPONSES).routes().findApi("any", "/shop/orders").match("GET", "/orders");
        PolicyContext context = PolicyTesting.context(match.info());
        PolicyTesting.flow(match.pipeline(), context);
        return context;
    }

    @Test
    void answersWithTheFirstExampleOfTheStatusWithoutCallingTheBackend() throws Exception {
        PolicyContext context = mock("<policies><inbound><mock-response/></inbound></policies>");
        assertEquals(200, context.response().status());
        assertEquals("application/json", context.response().headers().first("Content-Type"));
        assertEquals("{\"id\": 7}", PolicyTesting.body(context.response()));
        assertTrue(((StubBackend) context.forwarder()).calls.isEmpty(), "the backend is not called");
    }

    @Test
    void theContentTypePicksTheRepresentation() throws Exception {
        PolicyContext context = mock("<policies><inbound><mock-response status-code=\"200\" content-type=\"application/xml\"/>"
                + "</inbound></policies>");
        assertEquals("<order id=\"7\"/>", PolicyTesting.body(context.response()));
        assertEquals("application/xml", context.response().headers().first("Content-Type"));
    }

    @Test
    void withoutAnExampleTheBodyIsEmptyWithTheStatus() throws Exception {
        PolicyContext notFound = mock("<policies><inbound><mock-response status-code=\"404\"/></inbound></policies>");
        assertEquals(404, notFound.response().status());
        assertEquals("", PolicyTesting.body(notFound.response()));
        assertEquals("application/problem+json", notFound.response().headers().first("Content-Type"));
        PolicyContext noContent = mock("<policies><inbound><mock-response status-code=\"204\"/></inbound></policies>");
        assertEquals(204, noContent.response().status());
        assertNull(noContent.response().headers().first("Content-Type"), "nothing says what the type would be");
        PolicyContext undocumented = mock("<policies><inbound><mock-response status-code=\"503\" content-type=\"text/plain\"/>"
                + "</inbound></policies>");
        assertEquals(503, undocumented.response().status());
        assertEquals("", PolicyTesting.body(undocumented.response()));
        assertEquals("text/plain", undocumented.response().headers().first("Content-Type"));
    }

    @Test
    void inOutboundItReplacesTheBackendsResponseAndNothingAfterItRuns() throws Exception {
        PolicyContext context = mock("<policies><outbound><mock-response status-code=\"200\"/>"
                + "<set-header name=\"X-After\"><value>ran</value></set-header></outbound></policies>");
        assertEquals(1, ((StubBackend) context.forwarder()).calls.size(), "outbound runs after the backend");
        assertFalse(context.response().isFromBackend());
        assertEquals("{\"id\": 7}", PolicyTesting.body(context.response()));
        assertNull(context.response().headers().first("X-After"));
    }

    @Test
    void anApiWithoutOperationsHasNoExamples() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline(in(Section.INBOUND, "<mock-response/>"),
                java.util.Set.of()), PolicyTesting.context());
        assertEquals(200, context.response().status());
        assertEquals("", PolicyTesting.body(context.response()));
    }

    @Test
    void attributesAreChecked() {
        assertTrue(compileError(in(Section.INBOUND, "<mock-response status-code=\"abc\"/>"))
                .contains("attribute 'status-code' must be a status from 200 to 599, not 'abc'"));
        assertTrue(compileError(in(Section.INBOUND, "<mock-response status-code=\"99\"/>")).contains("from 200 to 599"));
        assertTrue(compileError(in(Section.INBOUND, "<mock-response status-code=\"@(200)\"/>"))
                .contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<mock-response content-type=\"\"/>")).contains("attribute 'content-type'"));
        assertTrue(compileError(in(Section.INBOUND, "<mock-response index=\"1\"/>")).contains("attribute 'index' is not supported yet"));
        assertTrue(compileError(in(Section.INBOUND, "<mock-response body=\"x\"/>")).contains("unknown attribute 'body'"));
        assertTrue(compileError(in(Section.BACKEND, "<mock-response/>")).contains("not allowed in <backend>"));
    }

    @Test
    void documentedResponsesAreChecked() {
        String policy = "<policies/>";
        assertTrue(message(policy, ", \"responses\": [{\"statusCode\": 700}]").contains("statusCode must be from 100 to 599"));
        assertTrue(message(policy, ", \"responses\": [{\"statusCode\": 200}, {\"statusCode\": 200}]").contains("documented twice"));
        assertTrue(message(policy, ", \"responses\": [{\"statusCode\": 200, \"representations\": [{\"example\": \"x\"}]}]")
                .contains("responses[0].representations[0]: contentType must be a media type"));
        assertTrue(message(policy, ", \"responses\": [{\"statusCode\": 200, \"representations\": ["
                + "{\"contentType\": \"text/plain\"}, {\"contentType\": \"Text/Plain; charset=utf-8\"}]}]")
                .contains("content type Text/Plain; charset=utf-8 is documented twice for status 200"));
        assertTrue(message(policy, ", \"responses\": [{\"statusCode\": 200, \"sample\": \"x\"}]").contains("sample"),
                "an unknown property is refused");
    }

    private static String message(String policy, String responses) {
        return org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> compile(policy, responses))
                .getMessage();
    }

    /** JSON string quoting for the document built here. */
    private static final class StrictJsonText {
        static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
