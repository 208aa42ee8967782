package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.fragment;
import static dev.breakwater.runner.Documents.namedValue;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies with expressions, named values and fragments through the real runner and a real backend:
 * branching on a header, variables, bodies read and rewritten both ways, traces in the request log,
 * and on-error with context.LastError.
 */
class ExpressionPoliciesIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String routing = "<policies><inbound><base/>"
                + "<choose><when condition=\"@(context.Request.Headers.GetValueOrDefault(\"X-Tier\", \"\") == \"gold\")\">"
                + "<set-variable name=\"tier\" value=\"gold\"/></when>"
                + "<otherwise><set-variable name=\"tier\" value=\"@(\"basic-\" + context.Request.MatchedParameters[\"id\"])\"/>"
                + "</otherwise></choose>"
                + "<set-header name=\"X-Tier-Seen\"><value>@((string)context.Variables[\"tier\"])</value></set-header>"
                + "<include-fragment fragment-id=\"stamp\"/>"
                + "<trace source=\"tiers\" severity=\"information\"><message>@(\"tier \" + context.Variables[\"tier\"])</message>"
                + "</trace></inbound></policies>";
        String rewriteRequest = "<policies><inbound><base/><set-body>@{ var order = context.Request.Body.As<JObject>();"
                + " order[\"total\"] = (int)order[\"price\"] * (int)order[\"quantity\"]; return order.ToString(); }</set-body>"
                + "<set-header name=\"Content-Type\"><value>application/json</value></set-header></inbound></policies>";
        String rewriteResponse = "<policies><outbound><base/><set-body>@{ var echo = context.Response.Body.As<JObject>();"
                + " return new JObject(new JProperty(\"method\", echo[\"method\"]), new JProperty(\"length\", "
                + "echo[\"bodyLength\"])).ToString(Newtonsoft.Json.Formatting.None); }</set-body></outbound></policies>";
        String failing = "<policies><inbound><base/><set-header name=\"X\" id=\"divider\"><value>@((10 / "
                + "int.Parse(\"0\")).ToString())</value></set-header></inbound><on-error><base/><return-response>"
                + "<set-status code=\"422\"/><set-body>@(context.LastError.Reason + \" at \" + context.LastError.Path + \""
                + " (\" + context.LastError.PolicyId + \")\")</set-body></return-response></on-error></policies>";
        gateway = new InProcessGateway(dir, documentWith(1, null,
                "[" + namedValue("greeting", "greeting", "hello from a named value", false) + "]",
                "[" + fragment("stamp", "<fragment><set-header name=\"X-Stamp\"><value>{{greeting}}</value>"
                        + "</set-header></fragment>") + "]",
                api("shop", "shop", backend.url(), null, operations(
                        operation("item", "GET", "/items/{id}", routing),
                        operation("order", "POST", "/orders", rewriteRequest),
                        operation("summary", "GET", "/summary", rewriteResponse),
                        operation("fail", "GET", "/fail", failing)))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void choiceVariablesFragmentsAndTracesFollowTheRequest() throws Exception {
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER)) {
            Echo gold = Echo.parse(gateway.send(HttpRequest.newBuilder(gateway.uri("/shop/items/7"))
                    .header("X-Tier", "gold").header("X-Request-Id", "tier-gold")).body());
            assertEquals("gold", gold.firstHeader("X-Tier-Seen"));
            assertEquals("hello from a named value", gold.firstHeader("X-Stamp"));
            Echo basic = Echo.parse(gateway.get("/shop/items/42").body());
            assertEquals("basic-42", basic.firstHeader("X-Tier-Seen"));
            JsonNode line = requests.requestLogLine("tier-gold");
            JsonNode trace = line.get("traces").get(0);
            assertEquals("tiers", trace.get("source").asText());
            assertEquals("information", trace.get("severity").asText());
            assertEquals("tier gold", trace.get("message").asText());
        }
    }

    @Test
    void aPolicyReadsAndRewritesTheRequestBody() throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/shop/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"price\": 3, \"quantity\": 4}")));
        assertEquals(200, response.statusCode());
        Echo echo = Echo.parse(response.body());
        String sent = "{\n  \"price\": 3,\n  \"quantity\": 4,\n  \"total\": 12\n}";
        assertEquals(sent.length(), echo.bodyLength(), "the backend got the rewritten body with its own length");
        assertEquals(String.valueOf(sent.length()), echo.firstHeader("Content-Length"));
        assertTrue(echo.header("Transfer-Encoding").isEmpty());
    }

    @Test
    void aPolicyReadsAndRewritesTheResponseBody() throws Exception {
        HttpResponse<String> response = gateway.get("/shop/summary");
        assertEquals(200, response.statusCode());
        assertEquals("{\"method\":\"GET\",\"length\":0}", response.body());
        assertEquals(String.valueOf(response.body().length()),
                response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void anExpressionThatFailsGoesToOnErrorWithLastError() throws Exception {
        HttpResponse<String> response = gateway.get("/shop/fail");
        assertEquals(422, response.statusCode());
        assertEquals("ExpressionValueEvaluationFailure at set-header[2] (divider)", response.body());
        assertFalse(response.body().contains("Exception"), "no Java internals");
    }

    @Test
    void aDocumentWithAnUnknownNamedValueIsRefusedAndTheOldOneKeepsServing() throws Exception {
        String current = java.nio.file.Files.readString(gateway.configFile);
        java.nio.file.Files.writeString(gateway.configFile, current.replace("\"revision\": 1", "\"revision\": 2")
                .replace("{{greeting}}", "{{nobody}}"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        JsonNode status = gateway.status();
        while (!status.path("lastError").asText().contains("nobody")) {
            assertTrue(System.nanoTime() < deadline, "the refusal shows in /status within 10 s: " + status);
            Thread.sleep(50);
            status = gateway.status();
        }
        assertTrue(status.path("lastError").asText().contains("refers to the named value 'nobody', which does not exist"),
                status.toString());
        assertEquals("hello from a named value", Echo.parse(gateway.get("/shop/items/1").body()).firstHeader("X-Stamp"));
        java.nio.file.Files.writeString(gateway.configFile, current);
    }
}
