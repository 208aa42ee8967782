package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** json-to-xml and xml-to-json as policies: where they stand, when they apply, each attribute, failures. */
class ConversionPoliciesTest {

    private static final String JSON = "{\"order\": {\"id\": 7, \"paid\": true}}";
    private static final String JSON_AS_XML = "<order>\n  <id>7</id>\n  <paid>True</paid>\n</order>";
    private static final String XML = "<order id=\"7\"><line>a</line><line>b</line></order>";
    private static final String XML_AS_JSON = "{\n  \"order\": {\n    \"@id\": \"7\",\n    \"line\": [\n      \"a\",\n"
            + "      \"b\"\n    ]\n  }\n}";

    /** Runs one section over a request with these headers and body (inbound) or over a backend response (outbound). */
    private static PolicyContext run(Section section, String policies, String body, String contentType, String accept)
            throws Exception {
        Pipeline pipeline = PolicyTesting.pipeline(in(section, policies), Set.of());
        PolicyContext context = accept == null ? PolicyTesting.context()
                : PolicyTesting.context("/items", null, TemplateValues.NONE, "Accept", accept);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (section == Section.INBOUND) {
            if (contentType != null) {
                context.request().headers().set("Content-Type", contentType);
            }
            context.request().body().buffered(bytes);
        } else {
            ResponseMessage response = ResponseMessage.fromBackend(200, null, new dev.breakwater.gateway.policy.runtime.Headers());
            if (contentType != null) {
                response.headers().set("Content-Type", contentType);
            }
            context.setResponse(response);
            response.body().buffered(bytes);
        }
        PolicyTesting.run(pipeline, section, context);
        return context;
    }

    private static String requestBody(PolicyContext context) {
        return new String(context.request().body().read(true), StandardCharsets.UTF_8);
    }

    private static String responseBody(PolicyContext context) {
        return new String(context.response().body().read(true), StandardCharsets.UTF_8);
    }

    @Test
    void jsonToXmlConvertsTheRequestInboundAndSetsItsContentType() throws Exception {
        String policy = "<json-to-xml apply=\"always\" consider-accept-header=\"false\"/>";
        Pipeline pipeline = PolicyTesting.pipeline(in(Section.INBOUND, policy), Set.of());
        assertTrue(pipeline.readsRequestBody(), "the gateway buffers the request body for it");
        PolicyContext context = run(Section.INBOUND, policy, JSON, "application/json", null);
        assertEquals(JSON_AS_XML, requestBody(context));
        assertEquals("application/xml", context.request().headers().first("Content-Type"));
    }

    @Test
    void xmlToJsonConvertsTheResponseOutboundAndSetsItsContentType() throws Exception {
        String policy = "<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\"/>";
        assertTrue(PolicyTesting.pipeline(in(Section.OUTBOUND, policy), Set.of()).readsResponseBody());
        assertTrue(PolicyTesting.pipeline(in(Section.ON_ERROR, policy), Set.of()).readsResponseBody());
        PolicyContext context = run(Section.OUTBOUND, policy, XML, "text/xml; charset=utf-8", null);
        assertEquals(XML_AS_JSON, responseBody(context));
        assertEquals("application/json", context.response().headers().first("Content-Type"));
    }

    @Test
    void applyContentTypeConvertsOnlyWhatTheContentTypeSays() throws Exception {
        String toXml = "<json-to-xml apply=\"content-type-json\" consider-accept-header=\"false\"/>";
        assertEquals("{\"a\": 1}", requestBody(run(Section.INBOUND, toXml, "{\"a\": 1}", "text/plain", null)));
        assertEquals("{\"a\": 1}", requestBody(run(Section.INBOUND, toXml, "{\"a\": 1}", null, null)));
        assertEquals("<a>1</a>", requestBody(run(Section.INBOUND, toXml, "{\"a\": 1}", "application/vnd.api+json", null)));
        String toJson = "<xml-to-json kind=\"javascript-friendly\" apply=\"content-type-xml\" consider-accept-header=\"false\"/>";
        assertEquals("<a>1</a>", responseBody(run(Section.OUTBOUND, toJson, "<a>1</a>", "application/json", null)));
        assertEquals("{\n  \"a\": \"1\"\n}", responseBody(run(Section.OUTBOUND, toJson, "<a>1</a>", "application/soap+xml", null)));
    }

    @Test
    void considerAcceptHeaderByDefaultConvertsOnlyWhenTheClientAsksForTheResult() throws Exception {
        String toXml = "<json-to-xml apply=\"always\"/>";
        assertEquals("{\"a\": 1}", responseBody(run(Section.OUTBOUND, toXml, "{\"a\": 1}", "application/json", null)));
        assertEquals("{\"a\": 1}", responseBody(run(Section.OUTBOUND, toXml, "{\"a\": 1}", "application/json", "*/*")));
        assertEquals("{\"a\": 1}", responseBody(run(Section.OUTBOUND, toXml, "{\"a\": 1}", "application/json",
                "application/json, application/xml;q=0")));
        assertEquals("<a>1</a>", responseBody(run(Section.OUTBOUND, toXml, "{\"a\": 1}", "application/json",
                "application/json;q=0.5, text/xml")));
        String toJson = "<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"true\"/>";
        assertEquals("<a>1</a>", responseBody(run(Section.OUTBOUND, toJson, "<a>1</a>", null, "application/xml")));
        assertEquals("{\n  \"a\": \"1\"\n}", responseBody(run(Section.OUTBOUND, toJson, "<a>1</a>", null, "application/json")));
    }

    @Test
    void attributesMayBeExpressions() throws Exception {
        String policy = "<json-to-xml apply=\"@(context.Request.Method == &quot;GET&quot; ? &quot;always&quot; : &quot;content-type-json&quot;)\" "
                + "consider-accept-header=\"@(false)\" namespace-separator=\"@(&quot;:&quot;)\" namespace-prefix=\"@(&quot;xmlns&quot;)\" "
                + "attribute-block-name=\"@(&quot;$&quot;)\"/>";
        assertEquals("<p:a xmlns:p=\"urn:p\" x=\"1\" />", requestBody(run(Section.INBOUND, policy,
                "{\"p:a\": {\"xmlns:p\": \"urn:p\", \"$\": {\"x\": 1}}}", "text/plain", null)));
        String toJson = "<xml-to-json kind=\"@(&quot;javascript-friendly&quot;)\" apply=\"@(&quot;always&quot;)\" "
                + "consider-accept-header=\"false\" always-array-child-elements=\"@(true)\"/>";
        assertEquals("{\n  \"a\": {\n    \"b\": [\n      \"1\"\n    ]\n  }\n}", responseBody(run(Section.OUTBOUND, toJson,
                "<a><b>1</b></a>", null, null)));
        PolicyException bad = assertThrows(PolicyException.class, () -> run(Section.INBOUND,
                "<json-to-xml apply=\"@(&quot;sometimes&quot;)\"/>", "{}", null, null));
        assertEquals(500, bad.error().statusCode());
        assertTrue(bad.getMessage().contains("attribute 'apply' must be always or content-type-json, not 'sometimes'"));
    }

    @Test
    void parseDateIsOnByDefaultAndALiteral() throws Exception {
        String json = "{\"at\": \"2024-03-05T14:07:09Z\"}";
        String always = "apply=\"always\" consider-accept-header=\"false\"";
        assertEquals("<at>03/05/2024 14:07:09</at>", requestBody(run(Section.INBOUND, "<json-to-xml " + always + "/>", json, null, null)));
        assertEquals("<at>2024-03-05T14:07:09Z</at>", requestBody(run(Section.INBOUND,
                "<json-to-xml " + always + " parse-date=\"false\"/>", json, null, null)));
    }

    @Test
    void theOldSpellingOfAlwaysArrayChildElementsIsAccepted() throws Exception {
        assertEquals("{\n  \"a\": {\n    \"b\": [\n      \"1\"\n    ]\n  }\n}", responseBody(run(Section.OUTBOUND,
                "<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\" always-array-children=\"true\"/>",
                "<a><b>1</b></a>", null, null)));
    }

    @Test
    void aBodyThatDoesNotConvertFailsThe400ForARequestAnd500ForAResponse() {
        PolicyException request = assertThrows(PolicyException.class, () -> run(Section.INBOUND,
                "<json-to-xml apply=\"always\" consider-accept-header=\"false\"/>", "{\"password\": \"hunter2\"", null, null));
        assertEquals(400, request.error().statusCode());
        assertEquals("json-to-xml", request.error().source());
        assertTrue(request.getMessage().startsWith("json-to-xml: the request body cannot be converted: the body is not JSON"),
                request.getMessage());
        assertFalse(request.getMessage().contains("hunter2"));
        PolicyException response = assertThrows(PolicyException.class, () -> run(Section.OUTBOUND,
                "<xml-to-json kind=\"direct\" apply=\"always\" consider-accept-header=\"false\"/>", "{\"not\": \"xml\"}", null, null));
        assertEquals(500, response.error().statusCode());
        assertTrue(response.getMessage().contains("the response body cannot be converted"), response.getMessage());
    }

    @Test
    void anEmptyBodyIsLeftAlone() throws Exception {
        PolicyContext context = run(Section.INBOUND, "<json-to-xml apply=\"always\" consider-accept-header=\"false\"/>", "",
                "application/json", null);
        assertEquals("application/json", context.request().headers().first("Content-Type"));
        assertFalse(context.request().body().isChanged());
    }

    @Test
    void onErrorConvertsTheGatewaysOwnError() throws Exception {
        PolicyContext context = PolicyTesting.flow(PolicyTesting.pipeline("<policies><inbound>"
                + "<set-variable name=\"x\" value=\"@(1 / int.Parse(&quot;0&quot;))\"/></inbound><on-error>"
                + "<json-to-xml apply=\"content-type-json\" consider-accept-header=\"false\"/></on-error></policies>", Set.of()),
                PolicyTesting.context());
        String body = PolicyTesting.body(context.response());
        assertTrue(body.startsWith("<Document>\n  <statusCode>500</statusCode>\n  <message>"), body);
        assertEquals("application/xml", context.response().headers().first("Content-Type"));
    }

    @Test
    void jsonToXmlAttributesAreChecked() {
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml/>")).contains("attribute 'apply' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"content-type-xml\"/>"))
                .contains("attribute 'apply' must be always or content-type-json, not 'content-type-xml'"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\" consider-accept-header=\"yes\"/>"))
                .contains("attribute 'consider-accept-header' must be true or false"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\" parse-date=\"maybe\"/>"))
                .contains("attribute 'parse-date' must be true or false, not 'maybe'"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\" parse-date=\"@(true)\"/>"))
                .contains("attribute 'parse-date' does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\" namespace-separator=\"::\"/>"))
                .contains("attribute 'namespace-separator' must be one character, not '::'"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\" kind=\"direct\"/>"))
                .contains("unknown attribute 'kind'"));
        assertTrue(compileError(in(Section.INBOUND, "<json-to-xml apply=\"always\"><x/></json-to-xml>"))
                .contains("not allowed inside <json-to-xml>"));
        assertTrue(compileError(in(Section.BACKEND, "<json-to-xml apply=\"always\"/>"))
                .contains("not allowed in <backend>; allowed in inbound, on-error, outbound"));
    }

    @Test
    void xmlToJsonAttributesAreChecked() {
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json apply=\"always\"/>")).contains("attribute 'kind' is required"));
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\"/>")).contains("attribute 'apply' is required"));
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"friendly\" apply=\"always\"/>"))
                .contains("attribute 'kind' must be javascript-friendly or direct, not 'friendly'"));
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\" apply=\"content-type-json\"/>"))
                .contains("attribute 'apply' must be always or content-type-xml"));
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\" apply=\"always\" always-array-child-elements=\"1\"/>"))
                .contains("attribute 'always-array-child-elements' must be true or false"));
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\" apply=\"always\" "
                + "always-array-child-elements=\"true\" always-array-children=\"true\"/>")).contains("two spellings of one setting"));
        for (String attribute : new String[] {"parse-date", "namespace-separator", "namespace-prefix", "attribute-block-name"}) {
            String message = compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\" apply=\"always\" " + attribute + "=\"x\"/>"));
            assertTrue(message.contains("attribute '" + attribute + "' is json-to-xml's"), message);
        }
        assertTrue(compileError(in(Section.OUTBOUND, "<xml-to-json kind=\"direct\" apply=\"always\" pretty=\"true\"/>"))
                .contains("unknown attribute 'pretty'"));
        assertTrue(compileError(in(Section.BACKEND, "<xml-to-json kind=\"direct\" apply=\"always\"/>"))
                .contains("not allowed in <backend>"));
    }

    @Test
    void theCorpusFragmentsJsonToXmlCompilesAndConverts() throws Exception {
        // as published in Azure/azure-api-management-devops-resource-kit (ApiManagementListPolicyFragments)
        PolicyContext context = run(Section.OUTBOUND, "<json-to-xml apply=\"always\" consider-accept-header=\"false\" />",
                "{\"id\": 1, \"tags\": [\"a\"]}", "application/json", null);
        assertEquals("<Document>\n  <id>1</id>\n  <tags>a</tags>\n</Document>", responseBody(context));
        assertNull(context.response().headers().first("Content-Length"));
    }
}
