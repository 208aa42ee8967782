package dev.breakwater.management.store;

import dev.breakwater.gateway.telemetry.TelemetryBucket;
import dev.breakwater.management.db.StoreDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateways' per-minute request aggregates. A bucket is keyed by gateway, instance, API and
 * minute, so one delivered twice (its acknowledgement lost) is stored once.
 */
public final class TelemetryStore {

    /** A stored bucket, with the instance that reported it. */
    public record Row(String instanceId, TelemetryBucket bucket) {
    }

    private final StoreDatabase database;
    /** The upsert in the database's dialect, made once rather than on every report. */
    private final String merge;

    public TelemetryStore(StoreDatabase database) {
        this.database = database;
        this.merge = database.upsert("telemetry", List.of("gateway_id", "instance_id", "api_id", "minute_start",
                "count", "errors", "p50_ms", "p90_ms", "p99_ms", "max_ms"),
                List.of("gateway_id", "instance_id", "api_id", "minute_start"));
    }

    public void record(String gatewayId, String instanceId, List<TelemetryBucket> buckets) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement merge = connection.prepareStatement(this.merge)) {
            for (TelemetryBucket bucket : buckets) {
                merge.setString(1, gatewayId);
                merge.setString(2, instanceId);
                merge.setString(3, bucket.api());
                merge.setTimestamp(4, Timestamp.from(bucket.start()));
                merge.setLong(5, bucket.count());
                merge.setLong(6, bucket.errors());
                merge.setDouble(7, bucket.p50Ms());
                merge.setDouble(8, bucket.p90Ms());
                merge.setDouble(9, bucket.p99Ms());
                merge.setDouble(10, bucket.maxMs());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** The buckets of a gateway with a minute in [from, to), oldest first. */
    public List<Row> between(String gatewayId, Instant from, Instant to) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT instance_id, minute_start, api_id, count, errors, p50_ms, p90_ms, p99_ms, max_ms FROM telemetry "
                        + "WHERE gateway_id = ? AND minute_start >= ? AND minute_start < ? ORDER BY minute_start, api_id, instance_id")) {
            select.setString(1, gatewayId);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), new TelemetryBucket(result.getTimestamp(2).toInstant(),
                            result.getString(3), result.getLong(4), result.getLong(5), result.getDouble(6),
                            result.getDouble(7), result.getDouble(8), result.getDouble(9))));
                }
            }
        }
        return rows;
    }
}
