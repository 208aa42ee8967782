package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.sync.Heartbeat;
import dev.breakwater.gateway.telemetry.TelemetryReport;
import dev.breakwater.management.store.HeartbeatStore;
import dev.breakwater.management.store.RevisionWatch;
import dev.breakwater.management.store.TelemetryStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The API gateways call, with their GatewayKey token: their configuration (ETag = revision,
 * 304 when unchanged, held open up to {@code wait} seconds until it changes), heartbeats and
 * telemetry.
 */
@Path("/gateway/v1/gateways/{gatewayId}")
public final class GatewayConfigurationResource {

    private final GatewayDocuments documents;
    private final RevisionWatch watch;
    private final HeartbeatStore heartbeats;
    private final TelemetryStore telemetry;
    private final Duration maxWait;
    private final Clock clock;
    private final StrictJson json = new StrictJson();

    public GatewayConfigurationResource(GatewayDocuments documents, RevisionWatch watch, HeartbeatStore heartbeats,
                                        TelemetryStore telemetry, Duration maxWait, Clock clock) {
        this.documents = documents;
        this.watch = watch;
        this.heartbeats = heartbeats;
        this.telemetry = telemetry;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    @GET
    @Path("configuration")
    public void configuration(@PathParam("gatewayId") String gatewayId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String etag,
                              @QueryParam("wait") @DefaultValue("0") long waitSeconds, @Suspended AsyncResponse async) {
        long known = GatewayDocuments.revisionOf(etag);
        long wait = Math.min(Math.max(waitSeconds, 0), maxWait.toSeconds());
        if (wait == 0 || known < 0) {
            async.resume(documents.respond(gatewayId, etag));
            return;
        }
        Runnable onChange = () -> async.resume(documents.respond(gatewayId, etag));
        async.setTimeout(wait, TimeUnit.SECONDS);
        async.setTimeoutHandler(timedOut -> {
            watch.cancel(onChange);
            timedOut.resume(documents.respond(gatewayId, etag));
        });
        async.register((CompletionCallback) failure -> watch.cancel(onChange));
        watch.awaitChange(known, onChange);
    }

    @POST
    @Path("heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response heartbeat(@PathParam("gatewayId") String gatewayId, byte[] body) throws ConfigException, SQLException {
        Heartbeat heartbeat = json.read(body, Heartbeat.class);
        if (heartbeat.instanceId() == null || heartbeat.heartbeatIntervalSeconds() <= 0) {
            throw new IllegalArgumentException("a heartbeat needs instanceId and heartbeatIntervalSeconds");
        }
        heartbeats.record(gatewayId, heartbeat, clock.instant(), new String(body, StandardCharsets.UTF_8));
        return Response.noContent().build();
    }

    /** Per-minute request aggregates, kept once per gateway, instance, API and minute. */
    @POST
    @Path("telemetry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response telemetry(@PathParam("gatewayId") String gatewayId, byte[] body) throws ConfigException, SQLException {
        TelemetryReport report = json.read(body, TelemetryReport.class);
        if (report.instanceId() == null) {
            throw new IllegalArgumentException("a telemetry report needs instanceId");
        }
        telemetry.record(gatewayId, report.instanceId(), report.buckets());
        return Response.noContent().build();
    }
}
