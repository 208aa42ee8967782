package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.ShiftedClock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llm-token-limit, azure-openai-token-limit and llm-emit-token-metric in the real runner, in front of
 * a real OpenAI-style backend that reports the usage each request asks for: tokens-per-minute
 * exceeded gives 429 with Retry-After through on-error and lets requests in again once the minute
 * has passed (the gateway's clock is shifted forward, no waiting); a quota exceeded gives 403; an
 * estimated prompt too large is refused before the backend sees it; a streamed answer reaches the
 * client event by event and its usage still counts; an outbound policy that reads the body keeps
 * the count visible to outbound; counters survive a configuration swap; the token metrics are
 * served on {@code /metrics}.
 */
class LlmTokenPoliciesIT {

    private static final String ON_ERROR = "<on-error><base/><set-header name=\"X-Error-Reason\" "
            + "exists-action=\"override\"><value>@(context.LastError.Reason)</value></set-header></on-error>";
    private static final String BY_CLIENT =
            "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\"";

    @TempDir
    static Path dir;
    static OpenAiBackend backend;
    static InProcessGateway gateway;
    static final ShiftedClock clock = new ShiftedClock();

    @BeforeAll
    static void start() throws Exception {
        backend = new OpenAiBackend();
        gateway = new InProcessGateway(dir, configuration(1, ""), Map.of(), clock);
    }

    /** The APIs; {@code extra} adds more (a later revision). */
    private static String configuration(long revision, String extra) {
        return document(revision, null,
                api("rate", "rate", backend.url(), policies("<llm-token-limit " + BY_CLIENT + " tokens-per-minute=\"100\" "
                        + "estimate-prompt-tokens=\"false\" remaining-tokens-header-name=\"X-Remaining\" "
                        + "tokens-consumed-header-name=\"X-Consumed\"/>"), ""),
                api("quota", "quota", backend.url(), policies("<azure-openai-token-limit " + BY_CLIENT
                        + " token-quota=\"100\" token-quota-period=\"Hourly\" estimate-prompt-tokens=\"false\" "
                        + "remaining-quota-tokens-header-name=\"X-Quota-Remaining\"/>"), ""),
                api("estimate", "estimate", backend.url(), policies("<llm-token-limit " + BY_CLIENT
                        + " tokens-per-minute=\"50\" estimate-prompt-tokens=\"true\"/>"), ""),
                api("stream", "stream", backend.url(), policies("<llm-token-limit " + BY_CLIENT
                        + " tokens-per-minute=\"1000\" estimate-prompt-tokens=\"false\" "
                        + "remaining-tokens-header-name=\"X-Remaining\"/>"), ""),
                api("buffered", "buffered", backend.url(), "<policies><inbound><base/><llm-token-limit " + BY_CLIENT
                        + " tokens-per-minute=\"1000\" estimate-prompt-tokens=\"false\" "
                        + "tokens-consumed-header-name=\"X-Consumed\" tokens-consumed-variable-name=\"consumed\"/>"
                        + "</inbound><backend><base/></backend><outbound><base/><set-header name=\"X-Length\">"
                        + "<value>@(context.Response.Body.As&lt;string&gt;(preserveContent: true).Length.ToString())"
                        + "</value></set-header><set-header name=\"X-Seen\"><value>@(context.Variables"
                        + ".GetValueOrDefault&lt;int&gt;(&quot;consumed&quot;, -1).ToString())</value></set-header>"
                        + "</outbound>" + ON_ERROR + "</policies>", ""),
                api("metrics", "metrics", backend.url(), policies("<llm-emit-token-metric namespace=\"llm-it\">"
                        + "<dimension name=\"API ID\"/><dimension name=\"Client\" value=\"@(context.Request.Headers"
                        + ".GetValueOrDefault(&quot;X-Client&quot;, &quot;none&quot;))\"/></llm-emit-token-metric>"), "")
                        + extra);
    }

    private static String policies(String inbound) {
        return "<policies><inbound><base/>" + inbound + "</inbound><backend><base/></backend>"
                + "<outbound><base/></outbound>" + ON_ERROR + "</policies>";
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    /** A chat request of {@code chars} characters of prompt to {@code api} as {@code client}; the backend reports {@code usage}. */
    private static HttpResponse<String> chat(String api, String client, String usage, int chars, boolean stream)
            throws Exception {
        String body = "{\"model\":\"gpt-4o\"," + (stream ? "\"stream\":true," : "")
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(chars) + "\"}]}";
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/" + api + "/chat/completions"))
                .header("Content-Type", "application/json").header("X-Client", client).header("X-Usage", usage)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        exchangesEnded();
        return response;
    }

    /**
     * Waits (bounded) until the gateway has ended every exchange: the usage read as an answer streams
     * is counted when its exchange ends, which for an answer with a Content-Length may be just after
     * the client has its last byte.
     */
    private static void exchangesEnded() throws InterruptedException {
        Counter inFlight = gateway.server.gateway().registry().getCounters().get("requests.inFlight");
        assertNotNull(inFlight, "the gateway counts its requests in flight");
        Await.until("the gateway has ended its exchanges", Duration.ofSeconds(10), () -> inFlight.getCount() == 0);
    }

    @Test
    void tokensPerMinuteExceededIs429WithRetryAfterAndTheNextMinuteLetsRequestsIn() throws Exception {
        HttpResponse<String> first = chat("rate", "alice", "30,40", 10, false);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("100", first.headers().firstValue("X-Remaining").orElse(null),
                "the head goes out before the answer's usage is read, as the body streams");
        assertTrue(first.headers().firstValue("X-Consumed").isEmpty(), "the usage is not known yet");
        HttpResponse<String> second = chat("rate", "alice", "30,40", 10, true);
        assertEquals(200, second.statusCode(), "30 left: a stream's prompt is estimated (7 tokens) and fits");
        assertTrue(second.body().contains("data: [DONE]"));
        assertEquals("23", second.headers().firstValue("X-Remaining").orElse(null), "70 counted, 7 estimated");
        int received = backend.requestsReceived();

        HttpResponse<String> refused = chat("rate", "alice", "1,1", 10, false);
        assertEquals(429, refused.statusCode(), "the stream's usage event counted (140): " + refused.body());
        assertEquals("TokenLimitExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonNode error = Json.parse(refused.body());
        assertEquals(429, error.get("statusCode").asInt());
        assertEquals("Token limit is exceeded. Try again in " + retryAfter + " seconds.", error.get("message").asText());
        assertEquals(received, backend.requestsReceived(), "the refused request never reached the backend");
        assertEquals(200, chat("rate", "bob", "1,1", 10, false).statusCode(), "another key counts apart");

        clock.advance(Duration.ofSeconds(retryAfter));
        HttpResponse<String> later = chat("rate", "alice", "1,1", 10, false);
        assertEquals(200, later.statusCode(), "the next minute lets alice in: " + later.body());
        assertEquals("100", later.headers().firstValue("X-Remaining").orElse(null), "a fresh window");
        assertEquals("98", chat("rate", "alice", "0,0", 10, false).headers().firstValue("X-Remaining").orElse(null),
                "only the 2 tokens of the request before counted in it");
    }

    @Test
    void aStreamedAnswerReachesTheClientEventByEventAndItsUsageCounts() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/stream/chat/completions"))
                .header("Content-Type", "application/json").header("X-Client", "grace").header("X-Usage", "300,400")
                .header("X-Hold", "true").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"hi\"}]}")).build();
        HttpResponse<InputStream> response = gateway.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(null));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line = events.readLine();
            assertTrue(line != null && line.contains("Hello"), "the first event: " + line);
            // the client may read the event before the backend's write callback has marked it holding
            Await.until("the backend holds the rest back", Duration.ofSeconds(10), backend::holding);
            backend.openGate();
            List<String> data = new ArrayList<>();
            for (String next = events.readLine(); next != null; next = events.readLine()) {
                if (next.startsWith("data: ")) {
                    data.add(next.substring(6));
                }
            }
            assertEquals("[DONE]", data.get(data.size() - 1), "the stream ends as the backend ended it: " + data);
            JsonNode usage = Json.field(Json.parse(data.get(data.size() - 2)), "usage");
            assertEquals(700, Json.integer(usage, "total_tokens"), "the usage event reached the client: " + data);
        }
        exchangesEnded();
        HttpResponse<String> after = chat("stream", "grace", "0,0", 0, false);
        assertEquals("300", after.headers().firstValue("X-Remaining").orElse(null),
                "the 700 tokens of the stream's usage event replaced its estimated prompt (5)");
    }

    @Test
    void anOutboundPolicyThatReadsTheBodyKeepsTheCountVisibleToOutbound() throws Exception {
        HttpResponse<String> response = chat("buffered", "heidi", "12,30", 10, false);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("42", response.headers().firstValue("X-Consumed").orElse(null));
        assertEquals("42", response.headers().firstValue("X-Seen").orElse(null));
        assertEquals(Integer.toString(response.body().length()), response.headers().firstValue("X-Length").orElse(null));
    }

    @Test
    void aQuotaExceededIs403WithRetryAfter() throws Exception {
        HttpResponse<String> first = chat("quota", "carol", "60,50", 10, false);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("100", first.headers().firstValue("X-Quota-Remaining").orElse(null), "before the usage is read");
        HttpResponse<String> refused = chat("quota", "carol", "1,1", 10, false);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("TokenQuotaExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter + " (to the next hour)");
        assertTrue(Json.parse(refused.body()).get("message").asText().startsWith("Token quota is exceeded. Try again in "));
    }

    @Test
    void anEstimatedPromptTooLargeIsRefusedBeforeTheBackendSeesIt() throws Exception {
        int received = backend.requestsReceived();
        HttpResponse<String> refused = chat("estimate", "dave", "1,1", 400, false);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(received, backend.requestsReceived(), "the backend saw no request");
        assertEquals(200, chat("estimate", "dave", "10,10", 40, false).statusCode(), "a small prompt fits");
        assertEquals(received + 1, backend.requestsReceived());
    }

    @Test
    void countersSurviveAConfigurationSwap() throws Exception {
        assertEquals(200, chat("quota", "erin", "70,40", 10, false).statusCode());
        gateway.reconfigure(configuration(2, ", " + api("other", "other", backend.url(), null, "")), 2);
        assertEquals(200, gateway.get("/other/x").statusCode(), "the new revision is served");
        HttpResponse<String> refused = chat("quota", "erin", "1,1", 10, false);
        assertEquals(403, refused.statusCode(), "the quota used before the swap still counts: " + refused.body());
    }

    @Test
    void tokenMetricsAreServedOnMetrics() throws Exception {
        assertEquals(200, chat("metrics", "frank", "12,30", 10, false).statusCode());
        assertEquals(200, chat("metrics", "frank", "8,10", 10, true).statusCode());
        Counter total = gateway.server.gateway().registry().getCounters()
                .get("custom.llm-it.Total Tokens[API ID=metrics;Client=frank].count");
        assertNotNull(total, "the registry has the series (and JMX with it)");
        assertEquals(2, total.getCount());

        HttpResponse<String> scrape = gateway.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.server.adminPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        assertEquals(60.0, sample(scrape.body(), "custom_llm_it_Total_Tokens_sum"), 1e-9);
        assertEquals(20.0, sample(scrape.body(), "custom_llm_it_Prompt_Tokens_sum"), 1e-9);
        assertEquals(40.0, sample(scrape.body(), "custom_llm_it_Completion_Tokens_sum"), 1e-9);
    }

    /** The value of the text-format sample {@code name{API_ID="metrics",Client="frank"}}. */
    private static double sample(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("API_ID=\"metrics\"") && line.contains("Client=\"frank\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " for frank in /metrics");
    }
}
