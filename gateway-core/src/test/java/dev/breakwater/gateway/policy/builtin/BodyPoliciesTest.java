package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.body;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** set-body, and how policies read bodies (the engine buffers them only where a policy reads one). */
class BodyPoliciesTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void setBodyReplacesTheRequestBodyInboundAndTheResponseBodyOutbound() throws Exception {
        PolicyContext inbound = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<set-body>hello</set-body>"), Set.of()),
                Section.INBOUND, inbound);
        assertEquals("hello", text(inbound.request().body().bytes()));

        PolicyContext outbound = PolicyTesting.flow(in(Section.OUTBOUND,
                "<set-body>@(\"status \" + context.Response.StatusCode)</set-body>"));
        assertTrue(outbound.response().isFromBackend(), "the backend's status and headers stay");
        assertEquals("status 200", body(outbound.response()), "its body is replaced");
    }

    @Test
    void anExpressionReadsTheBufferedBodyAndPreserveContentKeepsIt() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND,
                "<set-variable name=\"copy\" value=\"@(context.Request.Body.As&lt;string&gt;(preserveContent: true))\"/>"
                        + "<set-body>@{ var o = context.Request.Body.As<JObject>(); o[\"seen\"] = true; return o.ToString(Newtonsoft.Json.Formatting.None); }</set-body>"),
                Set.of());
        assertTrue(pipeline.readsRequestBody(), "the pipeline asks for the request body to be buffered");
        assertFalse(pipeline.readsResponseBody());
        PolicyContext context = PolicyTesting.context();
        context.request().body().buffered("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertEquals("{\"a\":1}", context.variables().get("copy"));
        assertEquals("{\"a\":1,\"seen\":true}", text(context.request().body().bytes()));
    }

    @Test
    void readingWithoutPreserveContentConsumesTheBody() throws Exception {
        PolicyContext context = PolicyTesting.context();
        context.request().body().buffered("abc".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND,
                "<set-variable name=\"first\" value=\"@(context.Request.Body.As<string>())\"/>"
                        + "<set-variable name=\"second\" value=\"@(context.Request.Body.As<string>())\"/>"), Set.of()),
                Section.INBOUND, context);
        assertEquals("abc", context.variables().get("first"));
        assertEquals("", context.variables().get("second"), "as in APIM: the body is consumed");
        assertEquals(0, context.request().body().bytes().length, "and the request goes on without it");
    }

    @Test
    void readingTheResponseBodyMakesThePipelineBufferIt() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.OUTBOUND,
                "<set-body>@(context.Response.Body.As<JObject>()[\"x\"].ToString())</set-body>"), Set.of());
        assertTrue(pipeline.readsResponseBody());
        assertFalse(pipeline.readsRequestBody());
    }

    @Test
    void inlineXmlIsKeptAsWritten() throws Exception {
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(PolicyTesting.pipeline(in(Section.INBOUND, "<set-body><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Get a=\"1 &amp; 2\">x &lt; y</Get>"
                + "</soap:Body></soap:Envelope></set-body>"), Set.of()), Section.INBOUND, context);
        assertEquals("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<Get a=\"1 &amp; 2\">x &lt; y</Get></soap:Body></soap:Envelope>", text(context.request().body().bytes()));
    }

    @Test
    void anIndentedSoapEnvelopeIsSentAsWrittenWithNamedValuesPutIn() throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"\n"
                + "                  xmlns:v1='urn:orders:v1'>\n"
                + "      <soapenv:Header />\n"
                + "      <soapenv:Body>\n"
                + "        <!-- keep me -->\n"
                + "        <v1:GetOrder region=\"{{region}}\"><v1:Note><![CDATA[a < b & c]]></v1:Note></v1:GetOrder>\n"
                + "      </soapenv:Body>\n"
                + "    </soapenv:Envelope>";
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(java.util.List.of(
                new dev.breakwater.gateway.config.NamedValueDefinition("r", "region", "eu-west", false)), java.util.List.of()),
                null, null, "<policies>\n  <inbound>\n    <set-body>\n    " + envelope + "\n    </set-body>\n"
                        + "  </inbound>\n</policies>", Set.of());
        PolicyContext context = PolicyTesting.context();
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertEquals(envelope.replace("{{region}}", "eu-west"), text(context.request().body().bytes()));
    }

    @Test
    void aLiquidTemplateRendersTheBodyAndContextAndLeavesItsBracesToLiquid() throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(PolicyTesting.environment(java.util.List.of(
                new dev.breakwater.gateway.config.NamedValueDefinition("v", "version", "v2", false)), java.util.List.of()),
                null, null, in(Section.INBOUND, "<set-body template=\"liquid\">{\"id\": \"{{body.order.id}}\", "
                        + "\"method\": \"{{context.Request.Method}}\", \"tier\": \"{{context.Request.Headers[\"x-tier\"]}}\", "
                        + "\"api\": \"{{version}}\"}</set-body>"), Set.of());
        assertTrue(pipeline.readsRequestBody(), "a Liquid template in inbound reads the request body");
        PolicyContext context = PolicyTesting.context("/items", null,
                dev.breakwater.gateway.policy.runtime.TemplateValues.NONE, "Content-Type", "application/json", "X-Tier", "gold");
        context.request().body().buffered("{\"order\": {\"id\": 7}}".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertEquals("{\"id\": \"7\", \"method\": \"GET\", \"tier\": \"gold\", \"api\": \"v2\"}",
                text(context.request().body().bytes()));
    }

    @Test
    void aLiquidTemplateInsideReturnResponseGetsNoBody() throws Exception {
        PolicyContext context = PolicyTesting.flow(in(Section.INBOUND, "<return-response><set-body template=\"liquid\">"
                + "[{{body.x}}|{{context.Request.Method}}]</set-body></return-response>"));
        assertEquals("[|GET]", body(context.response()));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<set-body template=\"liquid\">{{ x | nope }}</set-body>"))
                .contains("the Liquid template"));
    }

    @Test
    void setBodyAttributesAreChecked() {
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<set-body template=\"mustache\">x</set-body>"))
                .contains("must be liquid"));
        assertTrue(PolicyTesting.compileError(in(Section.INBOUND, "<set-body xsi-nil=\"maybe\">x</set-body>"))
                .contains("blank or null"));
    }
}
