package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.sync.Heartbeat;
import dev.breakwater.management.db.StoreDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last heartbeat of every gateway instance, kept in H2 so that status survives a restart. */
public final class HeartbeatStore {

    /**
     * One instance's last heartbeat, as received.
     *
     * @param counters its shared counter store (Redis) and whether it answered, or {@code null}: counting alone
     * @param cache    its external cache and whether it answered, or {@code null}: none
     */
    public record Instance(String instanceId, String hostname, String version, long revision, Instant lastHeartbeat,
                           Instant lastConfigPull, String lastError, int heartbeatIntervalSeconds, long uptimeSeconds,
                           dev.breakwater.gateway.metrics.RequestCounts requests, GatewayStatus.Counters counters,
                           GatewayStatus.Cache cache) {
    }

    private final StoreDatabase database;
    private final StrictJson json = new StrictJson();
    /** The upsert in the database's dialect, made once rather than on every heartbeat. */
    private final String merge;

    public HeartbeatStore(StoreDatabase database) {
        this.database = database;
        this.merge = database.upsert("gateway_instances", List.of("gateway_id", "instance_id", "hostname", "version",
                "revision", "last_heartbeat", "last_config_pull", "last_error", "heartbeat_interval", "report"),
                List.of("gateway_id", "instance_id"));
    }

    public void record(String gatewayId, Heartbeat heartbeat, Instant receivedAt, String report) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement merge = connection.prepareStatement(this.merge)) {
            merge.setString(1, gatewayId);
            merge.setString(2, heartbeat.instanceId());
            merge.setString(3, heartbeat.hostname());
            merge.setString(4, heartbeat.version());
            merge.setLong(5, heartbeat.revision());
            merge.setTimestamp(6, Timestamp.from(receivedAt));
            if (heartbeat.lastConfigPull() == null) {
                merge.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                merge.setTimestamp(7, Timestamp.from(heartbeat.lastConfigPull()));
            }
            merge.setString(8, heartbeat.lastError());
            merge.setInt(9, heartbeat.heartbeatIntervalSeconds());
            merge.setString(10, report);
            merge.executeUpdate();
        }
    }

    public List<Instance> instances(String gatewayId) throws SQLException {
        List<Instance> instances = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT instance_id, hostname, version, revision, last_heartbeat, last_config_pull, last_error, "
                        + "heartbeat_interval, report FROM gateway_instances WHERE gateway_id = ? ORDER BY instance_id")) {
            select.setString(1, gatewayId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp pull = rows.getTimestamp(6);
                    Heartbeat report = report(rows.getString(9));
                    instances.add(new Instance(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getTimestamp(5).toInstant(), pull == null ? null : pull.toInstant(), rows.getString(7),
                            rows.getInt(8), report == null ? 0 : report.uptimeSeconds(),
                            report == null ? null : report.requests(), report == null ? null : report.counters(),
                            report == null ? null : report.cache()));
                }
            }
        }
        return instances;
    }

    /** The heartbeat as the instance sent it, for what has no column of its own; {@code null} if unreadable. */
    private Heartbeat report(String json) {
        try {
            return json == null ? null : this.json.read(json.getBytes(StandardCharsets.UTF_8), Heartbeat.class);
        } catch (ConfigException e) {
            return null;
        }
    }

    /** Forgets the instances of a gateway that no longer exists. */
    public void forget(String gatewayId) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM gateway_instances WHERE gateway_id = ?")) {
            delete.setString(1, gatewayId);
            delete.executeUpdate();
        }
    }
}
