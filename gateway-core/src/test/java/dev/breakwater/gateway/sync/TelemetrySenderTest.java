package dev.breakwater.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.backup.GatewayStore;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.metrics.RequestRecord;
import dev.breakwater.gateway.telemetry.TelemetryAggregator;
import dev.breakwater.gateway.telemetry.TelemetryBucket;
import dev.breakwater.gateway.telemetry.TelemetrySpool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finished periods move to the spool; what outlives the retention is dropped and counted. */
class TelemetrySenderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:30Z");

    private static RequestRecord request(Instant at, int status, long millis) {
        return new RequestRecord(at, "id", "echo", null, "GET", "/echo", null, status, 200, millis * 1_000_000, -1,
                "127.0.0.1", 0, 0, java.util.List.of());
    }

    @Test
    void finishedMinutesAreSpooledAndOldOnesDropped() throws Exception {
        try (H2Database database = GatewayStore.inMemory()) {
            TelemetrySpool spool = new TelemetrySpool(database);
            spool.add(List.of(new TelemetryBucket(NOW.minus(Duration.ofDays(8)), "echo", 1, 0, 1, 1, 1, 1)));
            TelemetryAggregator aggregator = new TelemetryAggregator(Duration.ofMinutes(1));
            aggregator.requestEnded(request(NOW.minusSeconds(60), 200, 10)); // the minute before: finished
            aggregator.requestEnded(request(NOW.minusSeconds(60), 503, 30));
            aggregator.requestEnded(request(NOW, 200, 5)); // this minute: still open
            TelemetrySender sender = new TelemetrySender(aggregator, spool, Duration.ofDays(7),
                    Clock.fixed(NOW, ZoneOffset.UTC), "instance");

            sender.spoolFinishedMinutes();

            assertEquals(1, sender.dropped(), "the eight-day-old bucket");
            List<TelemetryBucket> spooled = spool.oldest(10);
            assertEquals(1, spooled.size());
            TelemetryBucket minute = spooled.get(0);
            assertEquals(Instant.parse("2026-11-28T11:59:00Z"), minute.start());
            assertEquals(2, minute.count());
            assertEquals(1, minute.errors());
            assertEquals(30.0, minute.maxMs());
            assertEquals(1, aggregator.drainFinished(NOW.plusSeconds(60)).size(), "the open minute was kept");
        }
    }
}
