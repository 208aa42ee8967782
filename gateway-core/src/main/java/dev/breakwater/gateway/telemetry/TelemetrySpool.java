package dev.breakwater.gateway.telemetry;

import dev.breakwater.gateway.db.H2Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Telemetry buckets waiting for the management plane, in the gateway's store, so that an
 * outage loses none of them; the oldest beyond the retention are dropped (and counted).
 */
public final class TelemetrySpool {

    private final H2Database database;

    public TelemetrySpool(H2Database database) {
        this.database = database;
    }

    public void add(List<TelemetryBucket> buckets) throws SQLException {
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection connection = database.connection(); PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO telemetry_spool (minute_start, api, count, errors, p50_ms, p90_ms, p99_ms, max_ms) "
                        + "KEY (minute_start, api) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TelemetryBucket bucket : buckets) {
                merge.setTimestamp(1, Timestamp.from(bucket.start()));
                merge.setString(2, bucket.api());
                merge.setLong(3, bucket.count());
                merge.setLong(4, bucket.errors());
                merge.setDouble(5, bucket.p50Ms());
                merge.setDouble(6, bucket.p90Ms());
                merge.setDouble(7, bucket.p99Ms());
                merge.setDouble(8, bucket.maxMs());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** The oldest buckets, at most {@code limit}. */
    public List<TelemetryBucket> oldest(int limit) throws SQLException {
        List<TelemetryBucket> buckets = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT minute_start, api, count, errors, p50_ms, p90_ms, p99_ms, max_ms FROM telemetry_spool "
                        + "ORDER BY minute_start, api LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    buckets.add(new TelemetryBucket(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getLong(3),
                            rows.getLong(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8)));
                }
            }
        }
        return buckets;
    }

    /** Forgets buckets the management plane has. */
    public void remove(List<TelemetryBucket> delivered) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM telemetry_spool WHERE minute_start = ? AND api = ?")) {
            for (TelemetryBucket bucket : delivered) {
                delete.setTimestamp(1, Timestamp.from(bucket.start()));
                delete.setString(2, bucket.api());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Drops buckets older than {@code limit}; returns how many. */
    public int dropOlderThan(Instant limit) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM telemetry_spool WHERE minute_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(limit));
            return delete.executeUpdate();
        }
    }

    public long size() throws SQLException {
        try (Connection connection = database.connection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM telemetry_spool")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
