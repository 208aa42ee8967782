package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * find-and-replace, json-to-xml and xml-to-json through the real runner and a real backend that sends
 * back the body it received ({@code /reflect}), so each test sees what reached the backend or what the
 * backend sent, and what the client got.
 */
class TransformationPoliciesIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("shop", "shop", backend.url() + "/base", null, operations(
                operation("replace-request", "POST", "/request/reflect", "<policies><inbound><base/>"
                        + "<find-and-replace from=\"http://orders.internal\" to=\"https://api.example.com\"/>"
                        + "</inbound></policies>"),
                operation("replace-response", "POST", "/response/reflect", "<policies><outbound><base/>"
                        + "<find-and-replace from=\"needle\" to=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-With&quot;, &quot;thread&quot;))\"/>"
                        + "</outbound></policies>"),
                operation("to-xml", "POST", "/to-xml/reflect", "<policies><inbound><base/>"
                        + "<json-to-xml apply=\"content-type-json\" consider-accept-header=\"false\" parse-date=\"false\" "
                        + "namespace-separator=\":\" namespace-prefix=\"xmlns\" attribute-block-name=\"#attrs\"/>"
                        + "</inbound></policies>"),
                operation("to-json", "POST", "/to-json/reflect", "<policies><outbound><base/>"
                        + "<xml-to-json kind=\"javascript-friendly\" apply=\"content-type-xml\"/>"
                        + "</outbound></policies>")))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    @Test
    void findAndReplaceEditsTheRequestBodyTheBackendReceives() throws Exception {
        String sent = "{\"self\": \"http://orders.internal/o/1\", \"next\": \"http://orders.internal/o/2\"}";
        HttpResponse<String> response = post("/shop/request/reflect", "application/json", sent);
        assertEquals(200, response.statusCode());
        String received = "{\"self\": \"https://api.example.com/o/1\", \"next\": \"https://api.example.com/o/2\"}";
        assertEquals(received, response.body(), "the backend received the replaced body and sent it back");
        assertEquals(String.valueOf(received.length()), response.headers().firstValue("X-Received-Length").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("X-Received-Content-Type").orElseThrow());
    }

    @Test
    void findAndReplaceEditsTheBackendsResponseAcrossItsWholeBody() throws Exception {
        String sent = "a needle in a haystack; ".repeat(40_000); // ~1 MiB: arrives in many pieces, buffered whole
        HttpResponse<String> response = post("/shop/response/reflect", "text/plain", sent, "X-With", "pin");
        assertEquals(200, response.statusCode());
        String expected = "a pin in a haystack; ".repeat(40_000);
        assertEquals(String.valueOf(sent.length()), response.headers().firstValue("X-Received-Length").orElseThrow(),
                "the backend got the client's body untouched");
        assertEquals(expected.length(), response.body().length());
        assertEquals(expected, response.body());
        assertEquals(String.valueOf(expected.length()), response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void jsonToXmlSendsTheBackendXml() throws Exception {
        String order = "{\"soapenv:Envelope\": {\"xmlns:soapenv\": \"http://schemas.xmlsoap.org/soap/envelope/\","
                + " \"xmlns:o\": \"urn:orders\", \"soapenv:Body\": {\"o:Place\": {\"#attrs\": {\"channel\": \"web\"},"
                + " \"o:Sku\": [\"X-1\", \"Y-7\"], \"o:At\": \"2024-03-05T14:07:09Z\", \"o:Gift\": false}}}}";
        HttpResponse<String> response = post("/shop/to-xml/reflect", "application/json; charset=utf-8", order);
        assertEquals(200, response.statusCode());
        assertEquals("application/xml", response.headers().firstValue("X-Received-Content-Type").orElseThrow());
        assertEquals(String.join("\n",
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:o=\"urn:orders\">",
                "  <soapenv:Body>",
                "    <o:Place channel=\"web\">",
                "      <o:Sku>X-1</o:Sku>",
                "      <o:Sku>Y-7</o:Sku>",
                "      <o:At>2024-03-05T14:07:09Z</o:At>",
                "      <o:Gift>False</o:Gift>",
                "    </o:Place>",
                "  </soapenv:Body>",
                "</soapenv:Envelope>"), response.body());
    }

    @Test
    void jsonToXmlLeavesOtherContentTypesAloneAndRefusesBrokenJsonWith400() throws Exception {
        HttpResponse<String> plain = post("/shop/to-xml/reflect", "text/plain", "{\"a\": 1}");
        assertEquals("{\"a\": 1}", plain.body());
        HttpResponse<String> broken = post("/shop/to-xml/reflect", "application/json", "{\"token\": \"s3cr3t\"");
        assertEquals(400, broken.statusCode());
        JsonNode error = Json.parse(broken.body());
        assertTrue(error.get("message").asText().startsWith("json-to-xml: the request body cannot be converted"),
                broken.body());
        assertFalse(broken.body().contains("s3cr3t"));
    }

    @Test
    void xmlToJsonGivesTheClientJsonWhenItAsksForJson() throws Exception {
        String soap = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Body><GetOrderResponse xmlns=\"urn:orders\"><Order id=\"A-1\"><Line>x</Line><Line>y</Line>"
                + "<Note/></Order></GetOrderResponse></s:Body></s:Envelope>";
        HttpResponse<String> response = post("/shop/to-json/reflect", "application/xml", soap, "Accept", "application/json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.join("\n",
                "{",
                "  \"Envelope\": {",
                "    \"Body\": {",
                "      \"GetOrderResponse\": {",
                "        \"Order\": {",
                "          \"@id\": \"A-1\",",
                "          \"Line\": [",
                "            \"x\",",
                "            \"y\"",
                "          ],",
                "          \"Note\": null",
                "        }",
                "      }",
                "    }",
                "  }",
                "}"), response.body());
        assertEquals(String.valueOf(response.body().length()), response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void xmlToJsonLeavesTheXmlToAClientThatDoesNotAskForJson() throws Exception {
        HttpResponse<String> response = post("/shop/to-json/reflect", "application/xml", "<a>1</a>", "Accept", "application/xml");
        assertEquals("<a>1</a>", response.body());
        assertEquals("application/xml", response.headers().firstValue("Content-Type").orElseThrow());
    }
}
