package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.sync.Heartbeat;
import dev.breakwater.management.auth.GatewayTokens;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import dev.breakwater.management.store.GatewayKeys;
import dev.breakwater.management.store.HeartbeatStore;
import dev.breakwater.management.store.MissingException;
import dev.breakwater.management.store.TelemetryStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /admin/gateways}: gateways, their API assignments, tokens, keys, status and telemetry. */
@Path("/admin/gateways")
public final class GatewaysResource {

    private final ConfigStore store;
    private final HeartbeatStore heartbeats;
    private final TelemetryStore telemetry;
    private final GatewayTokens tokens;
    private final Clock clock;

    public GatewaysResource(ConfigStore store, HeartbeatStore heartbeats, TelemetryStore telemetry, GatewayTokens tokens,
                            Clock clock) {
        this.store = store;
        this.heartbeats = heartbeats;
        this.telemetry = telemetry;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The body of a token request. */
    public record TokenRequest(String keyType, Instant expiry) {
    }

    /** A signed token, ready for {@code config.service.auth}. */
    public record Token(String value, Instant expiry) {
    }

    /** The answer of the status request. */
    public record Status(List<InstanceStatus> instances) {
    }

    /**
     * One instance: its last heartbeat, and whether it is recent (within two intervals); {@code counters}
     * and {@code cache} only for an instance that shares them in Redis (whether Redis answered it).
     */
    public record InstanceStatus(String instanceId, String hostname, String version, long revision,
                                 Instant lastHeartbeat, Instant lastConfigPull, String lastError, boolean connected,
                                 long uptimeSeconds, dev.breakwater.gateway.metrics.RequestCounts requests,
                                 GatewayStatus.Counters counters, GatewayStatus.Cache cache) {
    }

    @GET
    public Response list() {
        return Responses.ok(store.state().document().gateways());
    }

    @GET
    @Path("{gatewayId}")
    public Response get(@PathParam("gatewayId") String gatewayId) throws MissingException {
        return Responses.ok(Edits.existingGateway(store.state().document(), gatewayId));
    }

    /** Creates or updates a gateway; a body with {@code apis} replaces its assignments, else they stay. */
    @PUT
    @Path("{gatewayId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("gatewayId") String gatewayId, byte[] body)
            throws ConfigException, MissingException, SQLException {
        GatewayDefinition given = body.length == 0 ? new GatewayDefinition(null, null, null)
                : Bodies.read(body, GatewayDefinition.class);
        boolean replaceApis = body.length > 0 && Bodies.hasProperty(body, "apis");
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            GatewayDefinition existing = Edits.gateway(current, gatewayId).orElse(null);
            created[0] = existing == null;
            return Edits.withGateway(current, new GatewayDefinition(Bodies.sameId(gatewayId, given.id(), "gateway id"),
                    given.description(), replaceApis || existing == null ? given.apis() : existing.apis()));
        });
        return Responses.changed(created[0], Edits.existingGateway(store.state().document(), gatewayId), revision);
    }

    @DELETE
    @Path("{gatewayId}")
    public Response delete(@PathParam("gatewayId") String gatewayId)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingGateway(current, gatewayId);
            return Edits.withoutGateway(current, gatewayId);
        });
        heartbeats.forget(gatewayId);
        return Responses.deleted(revision);
    }

    @PUT
    @Path("{gatewayId}/apis/{apiId}")
    public Response assign(@PathParam("gatewayId") String gatewayId, @PathParam("apiId") String apiId)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            GatewayDefinition gateway = Edits.existingGateway(current, gatewayId);
            Edits.existingApi(current, apiId);
            List<String> apis = new ArrayList<>(gateway.apis());
            if (!apis.contains(apiId)) {
                apis.add(apiId);
            }
            return Edits.withGateway(current, new GatewayDefinition(gatewayId, gateway.description(), apis));
        });
        return Responses.changed(false, Edits.existingGateway(store.state().document(), gatewayId), revision);
    }

    @DELETE
    @Path("{gatewayId}/apis/{apiId}")
    public Response unassign(@PathParam("gatewayId") String gatewayId, @PathParam("apiId") String apiId)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            GatewayDefinition gateway = Edits.existingGateway(current, gatewayId);
            if (!gateway.apis().contains(apiId)) {
                throw new MissingException("API '" + apiId + "' is not assigned to gateway '" + gatewayId + "'");
            }
            List<String> apis = new ArrayList<>(gateway.apis());
            apis.remove(apiId);
            return Edits.withGateway(current, new GatewayDefinition(gatewayId, gateway.description(), apis));
        });
        return Responses.deleted(revision);
    }

    @POST
    @Path("{gatewayId}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response token(@PathParam("gatewayId") String gatewayId, byte[] body) throws ConfigException, MissingException {
        TokenRequest request = body.length == 0 ? new TokenRequest(null, null) : Bodies.read(body, TokenRequest.class);
        GatewayKeys keys = keys(gatewayId);
        Instant expiry = request.expiry() != null ? request.expiry() : clock.instant().plus(GatewayTokens.MAX_LIFETIME);
        String keyType = request.keyType() == null ? "primary" : request.keyType();
        return Responses.ok(new Token(tokens.sign(gatewayId, keys.of(keyType), expiry), expiry));
    }

    @POST
    @Path("{gatewayId}/keys/{keyType}/regenerate")
    public Response regenerate(@PathParam("gatewayId") String gatewayId, @PathParam("keyType") String keyType)
            throws MissingException, SQLException {
        keys(gatewayId).of(keyType); // checks the key type before anything changes
        store.regenerateKey(gatewayId, keyType);
        return Response.noContent().build();
    }

    @GET
    @Path("{gatewayId}/status")
    public Response status(@PathParam("gatewayId") String gatewayId) throws MissingException, SQLException {
        Edits.existingGateway(store.state().document(), gatewayId);
        Instant now = clock.instant();
        List<InstanceStatus> instances = heartbeats.instances(gatewayId).stream().map(instance -> new InstanceStatus(
                instance.instanceId(), instance.hostname(), instance.version(), instance.revision(),
                instance.lastHeartbeat(), instance.lastConfigPull(), instance.lastError(),
                Duration.between(instance.lastHeartbeat(), now)
                        .compareTo(Duration.ofSeconds(2L * instance.heartbeatIntervalSeconds())) <= 0,
                instance.uptimeSeconds(), instance.requests(), instance.counters(), instance.cache())).toList();
        return Responses.ok(new Status(instances));
    }

    /** Per-minute request aggregates per API, {@code from} (default: an hour ago) up to {@code to} (default: now). */
    @GET
    @Path("{gatewayId}/metrics")
    public Response metrics(@PathParam("gatewayId") String gatewayId, @QueryParam("from") String from,
                            @QueryParam("to") String to) throws MissingException, SQLException {
        Edits.existingGateway(store.state().document(), gatewayId);
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : instant("from", from);
        return Responses.ok(new Metrics(telemetry.between(gatewayId, start, end)));
    }

    /** The answer of the metrics request. */
    public record Metrics(List<TelemetryStore.Row> buckets) {
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
        }
    }

    private GatewayKeys keys(String gatewayId) throws MissingException {
        GatewayKeys keys = store.state().keys().get(gatewayId);
        if (keys == null) {
            throw new MissingException("no gateway '" + gatewayId + "'");
        }
        return keys;
    }
}
