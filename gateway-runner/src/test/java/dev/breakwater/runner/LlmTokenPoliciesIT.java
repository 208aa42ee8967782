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
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llm-token-limit, azure-openai-token-limit and llm-emit-token-metric in the real runner, in front of
 * a real OpenAI-style backend that reports the usage each request asks for: tokens-per-minute
 * exceeded gives 429 with Retry-After through on-error and lets requests in again once the minute
 * has passed (the gateway's real clock: up to a minute of waiting); a quota exceeded gives 403; an
 * estimated prompt too large is refused before the backend sees it; counters survive a configuration
 * swap; the token metrics are served on {@code /metrics}.
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

    @BeforeAll
    static void start() throws Exception {
        backend = new OpenAiBackend();
        gateway = new InProcessGateway(dir, configuration(1, ""));
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
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/" + api + "/chat/completions"))
                .header("Content-Type", "application/json").header("X-Client", client).header("X-Usage", usage)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void tokensPerMinuteExceededIs429WithRetryAfterAndTheNextMinuteLetsRequestsIn() throws Exception {
        HttpResponse<String> first = chat("rate", "alice", "30,40", 10, false);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("70", first.headers().firstValue("X-Consumed").orElse(null));
        assertEquals("30", first.headers().firstValue("X-Remaining").orElse(null));
        HttpResponse<String> second = chat("rate", "alice", "30,40", 10, true);
        assertEquals(200, second.statusCode(), "30 left: without estimation the request goes, and overdraws");
        assertTrue(second.body().contains("data: [DONE]"), "the streamed answer reaches the client whole");
        assertEquals("70", second.headers().firstValue("X-Consumed").orElse(null), "the stream's usage event counted");
        assertEquals("0", second.headers().firstValue("X-Remaining").orElse(null));
        int received = backend.requestsReceived();

        long before = System.nanoTime();
        HttpResponse<String> refused = chat("rate", "alice", "1,1", 10, false);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("TokenLimitExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonNode error = Json.parse(refused.body());
        assertEquals(429, error.get("statusCode").asInt());
        assertEquals("Token limit is exceeded. Try again in " + retryAfter + " seconds.", error.get("message").asText());
        assertEquals(received, backend.requestsReceived(), "the refused request never reached the backend");
        assertEquals(200, chat("rate", "bob", "1,1", 10, false).statusCode(), "another key counts apart");

        long openAt = before + Duration.ofSeconds(retryAfter).toNanos();
        HttpResponse<String> later = Await.until("the next minute lets alice in", Duration.ofSeconds(retryAfter + 10),
                () -> System.nanoTime() < openAt ? null : chat("rate", "alice", "1,1", 10, false),
                response -> response != null && response.statusCode() == 200);
        assertEquals("98", later.headers().firstValue("X-Remaining").orElse(null),
                "a fresh window: only this request's 2 tokens counted");
    }

    @Test
    void aQuotaExceededIs403WithRetryAfter() throws Exception {
        HttpResponse<String> first = chat("quota", "carol", "60,50", 10, false);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("0", first.headers().firstValue("X-Quota-Remaining").orElse(null));
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
