package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** find-and-replace: literal, every occurrence, on the request body inbound and the response body outbound. */
class FindAndReplacePolicyTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a section over a request (inbound, backend) or a backend response (outbound, on-error) with this body. */
    static PolicyContext run(Section section, String policies, byte[] body, String... responseHeaders) throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(section, policies), Set.of());
        PolicyContext context = PolicyTesting.context();
        if (section.actsOnRequest()) {
            context.request().body().buffered(body);
        } else {
            Headers headers = new Headers();
            for (int i = 0; i < responseHeaders.length; i += 2) {
                headers.add(responseHeaders[i], responseHeaders[i + 1]);
            }
            context.setResponse(ResponseMessage.fromBackend(200, null, headers));
            context.response().body().buffered(body);
        }
        PolicyTesting.run(pipeline, section, context);
        return context;
    }

    private static String requestBody(PolicyContext context) {
        return new String(context.request().body().bytes(), StandardCharsets.UTF_8);
    }

    private static String responseBody(PolicyContext context) {
        return new String(context.response().body().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void replacesEveryOccurrenceInTheRequestBodyAndMakesThePipelineBufferIt() throws Exception {
        String policy = "<find-and-replace from=\"notebook\" to=\"laptop\"/>";
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, policy), Set.of());
        assertTrue(pipeline.readsRequestBody());
        assertFalse(pipeline.readsResponseBody());
        assertEquals("{\"item\":\"laptop\",\"note\":\"a laptop, not a Notebook\"}", requestBody(run(Section.INBOUND,
                policy, utf8("{\"item\":\"notebook\",\"note\":\"a notebook, not a Notebook\"}"))));
    }

    @Test
    void inTheBackendSectionItStillEditsTheRequest() throws Exception {
        assertEquals("b-b", requestBody(run(Section.BACKEND, "<find-and-replace from=\"a\" to=\"b\"/>", utf8("a-a"))));
    }

    @Test
    void replacesInTheResponseBodyOutboundAndOnError() throws Exception {
        String policy = "<find-and-replace from=\"http://backend.internal/\" to=\"https://api.example.com/\"/>";
        Pipeline outbound = PolicyTesting.pipeline(in(Section.OUTBOUND, policy), Set.of());
        assertTrue(outbound.readsResponseBody());
        assertFalse(outbound.readsRequestBody());
        assertTrue(PolicyTesting.pipeline(in(Section.ON_ERROR, policy), Set.of()).readsResponseBody());
        assertEquals("see https://api.example.com/a and https://api.example.com/b", responseBody(run(Section.OUTBOUND,
                policy, utf8("see http://backend.internal/a and http://backend.internal/b"))));
    }

    @Test
    void anEmptyToRemovesAndMatchesDoNotOverlap() throws Exception {
        assertEquals("ac", requestBody(run(Section.INBOUND, "<find-and-replace from=\"b\" to=\"\"/>", utf8("abcb"))));
        assertEquals("ba", requestBody(run(Section.INBOUND, "<find-and-replace from=\"aa\" to=\"b\"/>", utf8("aaa"))));
        assertEquals("xx", requestBody(run(Section.INBOUND, "<find-and-replace from=\"aab\" to=\"x\"/>", utf8("aabaab"))));
        assertEquals("aaxb", requestBody(run(Section.INBOUND, "<find-and-replace from=\"aab\" to=\"x\"/>", utf8("aaaabb"))));
    }

    @Test
    void valuesMayBeExpressions() throws Exception {
        assertEquals("GET /items", requestBody(run(Section.INBOUND, "<find-and-replace from=\"@(&quot;{&quot; + &quot;m}&quot;)\" "
                + "to=\"@(context.Request.Method)\"/><find-and-replace from=\"{p}\" to=\"@(context.Request.Url.Path)\"/>",
                utf8("{m} {p}"))).replace("/base", ""));
    }

    @Test
    void textIsUtf8AndOtherBytesPassThrough() throws Exception {
        assertEquals("naïve café", requestBody(run(Section.INBOUND, "<find-and-replace from=\"é\" to=\"ï\"/>"
                + "<find-and-replace from=\"cafï\" to=\"café\"/>", utf8("naéve café"))));
        byte[] binary = {(byte) 0xff, 'a', (byte) 0xfe, 'a', 0};
        assertArrayEquals(new byte[] {(byte) 0xff, 'b', (byte) 0xfe, 'b', 0},
                run(Section.INBOUND, "<find-and-replace from=\"a\" to=\"b\"/>", binary).request().body().bytes());
    }

    @Test
    void nothingFoundLeavesTheBodyUntouched() throws Exception {
        PolicyContext context = run(Section.INBOUND, "<find-and-replace from=\"zzz\" to=\"y\"/>", utf8("abc"));
        assertFalse(context.request().body().isChanged(), "the original body goes on as it came");
        PolicyContext empty = run(Section.INBOUND, "<find-and-replace from=\"@(&quot;&quot;)\" to=\"y\"/>", utf8("abc"));
        assertEquals("abc", requestBody(empty), "an expression that finds nothing to look for changes nothing");
    }

    @Test
    void onErrorItSeesTheGatewaysErrorAsTheClientWouldGetIt() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline("<policies><inbound>"
                + "<set-variable name=\"x\" value=\"@(1 / int.Parse(&quot;0&quot;))\"/></inbound>"
                + "<on-error><find-and-replace from=\"statusCode\" to=\"status\"/></on-error></policies>", Set.of()),
                PolicyTesting.context());
        String body = PolicyTesting.body(context.response());
        assertTrue(body.startsWith("{\"status\":500,\"message\":"), body);
    }

    @Test
    void attributesAreChecked() {
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace to=\"x\"/>")).contains("attribute 'from' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"\" to=\"x\"/>")).contains("must not be empty"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"a\"/>")).contains("attribute 'to' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"a\" to=\"b\" regex=\"true\"/>"))
                .contains("unknown attribute 'regex'; known attributes: from, to"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"a\" to=\"b\"><value/></find-and-replace>"))
                .contains("not allowed inside <find-and-replace>"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"a\" to=\"b\">text</find-and-replace>"))
                .contains("unexpected text"));
        assertTrue(compileError(in(Section.INBOUND, "<find-and-replace from=\"@(context.Nope)\" to=\"b\"/>"))
                .contains("attribute 'from'"));
    }
}
