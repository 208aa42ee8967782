package dev.breakwater.gateway.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.metrics.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestLog named(String gateway) {
        return new RequestLog(gateway, 1.0, SecretNames.withExtra("x-custom-*, PIN"));
    }

    private static RequestRecord record(String path, String query, int backendStatus) {
        return new RequestRecord(Instant.parse("2026-11-28T10:00:00Z"), "id-1", "echo", null, "GET", path, query, 200,
                backendStatus, 1_234_567, backendStatus < 0 ? -1 : 1_000_000, "10.0.0.7", 3, 512, java.util.List.of());
    }

    @Test
    void aLineIsJsonWithEveryFieldAndNothingAbsent() throws Exception {
        JsonNode line = JSON.readTree(line(named("gw"), record("/echo/\"quoted\"\\", "x=1", 200)));
        assertEquals("2026-11-28T10:00:00Z", line.get("time").asText());
        assertEquals("gw", line.get("gateway").asText());
        assertEquals("/echo/\"quoted\"\\?x=1", line.get("url").asText(), "escaped, and read back the same");
        assertEquals(1.23, line.get("totalMs").asDouble());
        assertEquals(1.0, line.get("backendMs").asDouble());
        assertEquals(512, line.get("bytesOut").asLong());
        assertFalse(line.has("operation"), "absent values are left out");

        JsonNode gatewayMade = JSON.readTree(line(named(null), record("/x", null, -1)));
        assertFalse(gatewayMade.has("backendStatus"));
        assertFalse(gatewayMade.has("backendMs"));
        assertFalse(gatewayMade.has("gateway"));
    }

    private static String line(RequestLog log, RequestRecord record) {
        try (log) {
            return log.line(record);
        }
    }

    @Test
    void secretQueryParametersAreRedacted() {
        try (RequestLog log = named("gw")) {
            assertEquals("/a?subscription-key=REDACTED&x=1&Subscription%2DKey=REDACTED&sig=REDACTED&flag",
                    log.url("/a", "subscription-key=s3cret&x=1&Subscription%2DKey=s3cret&sig=abc&flag"));
            assertEquals("/a", log.url("/a", null));
        }
    }

    @Test
    void anApisOwnSubscriptionKeyParameterIsRedactedWhateverItsName() {
        try (RequestLog log = named("gw")) {
            assertEquals("/a?who=REDACTED&x=1", log.url("/a", "who=s3cret&x=1", "who"));
            assertEquals("/a?who=s3cret&x=1", log.url("/a", "who=s3cret&x=1", null), "an ordinary name elsewhere");
        }
    }

    @Test
    void commonSpellingsOfSecretsAreRedactedAndOrdinaryNamesAreNot() {
        SecretNames secrets = SecretNames.withExtra("x-custom-*, PIN");
        for (String secret : List.of("access-token", "access_token", "refresh_token", "id_token", "X-Amz-Signature",
                "X-Amz-Credential", "X-Amz-Security-Token", "X-Goog-Signature", "client_secret", "api-key", "apikey",
                "x-api-key", "key", "sig", "code", "password", "passwd", "pwd", "subscription-key", "jwt",
                "client_assertion", "sessionid", "AccessKeyId", "x-custom-anything", "pin")) {
            assertTrue(secrets.isSecret(secret), secret);
        }
        for (String ordinary : List.of("q", "page", "limit", "id", "name", "sort", "filter", "api-version", "x-other",
                "lang", "format", "pinned")) {
            assertFalse(secrets.isSecret(ordinary), ordinary);
        }
    }

    @Test
    void linesAreWrittenInBatchesWithinTheFlushIntervalAndAtClose() throws Exception {
        List<String> batches = new CopyOnWriteArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (BatchingLogWriter writer = new BatchingLogWriter(batches::add, warnings::add, Duration.ofMillis(50))) {
            for (int i = 0; i < 1000; i++) {
                writer.add("{\"n\":" + i + "}");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (batches.stream().mapToLong(batch -> batch.lines().count()).sum() < 1000) {
                assertTrue(System.nanoTime() < deadline, "all lines written by the flusher within 10 s");
                Thread.sleep(10);
            }
            writer.add("{\"n\":\"last\"}");
        }
        List<String> lines = batches.stream().flatMap(String::lines).toList();
        assertEquals(1001, lines.size(), "the line queued just before close is written at close");
        assertEquals("{\"n\":0}", lines.get(0));
        assertEquals("{\"n\":\"last\"}", lines.get(1000));
        assertTrue(batches.size() < 1001, "lines are grouped: " + batches.size() + " writes for 1001 lines");
        assertTrue(batches.stream().allMatch(batch -> batch.lines().count() <= BatchingLogWriter.BATCH_LINES));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFullQueueDropsLinesAndSaysHowManyWithoutBlockingTheCaller() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<String> batches = new CopyOnWriteArrayList<>();
        CountDownLatch outputBlocked = new CountDownLatch(1);
        BatchingLogWriter writer = new BatchingLogWriter(batch -> {
            batches.add(batch);
            await(outputBlocked); // the console is stuck: the queue must not grow without bound
        }, warnings::add, Duration.ofMillis(10));
        int added = 2 * BatchingLogWriter.MAX_QUEUED;
        for (int i = 0; i < added; i++) {
            writer.add("x");
        }
        outputBlocked.countDown();
        writer.close();
        long written = batches.stream().mapToLong(batch -> batch.lines().count()).sum();
        assertEquals(1, warnings.size(), warnings.toString());
        long dropped = Long.parseLong(warnings.get(0).replaceAll("\\D", ""));
        assertTrue(dropped >= BatchingLogWriter.MAX_QUEUED - BatchingLogWriter.BATCH_LINES, "dropped " + dropped);
        assertEquals(added, written + dropped, "every line is either written or counted as dropped");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
