package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.management.model.SubscriptionKeys;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.MissingException;
import dev.breakwater.management.store.SubscriptionEdits;
import dev.breakwater.management.store.SubscriptionInputs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/subscriptions}, as APIM's subscriptions: {@code {displayName, scope, ownerId, state,
 * allowTracing, startDate, expirationDate, primaryKey, secondaryKey}}. Keys are never shown: every GET
 * and every answer leaves them out; {@code POST …/listSecrets} is the one way to read them, and
 * {@code POST …/regeneratePrimaryKey} / {@code …/regenerateSecondaryKey} replace one (204, as APIM).
 * A PUT without keys keeps the stored ones, or generates them for a new subscription
 * ({@link SubscriptionInputs}). Gateways are served only their hashes.
 */
@Path("/admin/subscriptions")
public final class SubscriptionsResource {

    private final ConfigStore store;
    private final Clock clock;

    public SubscriptionsResource(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    public Response list() {
        return Responses.ok(SubscriptionKeys.shown(store.state().document().subscriptions()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(SubscriptionKeys.shown(SubscriptionEdits.existingSubscription(store.state().document(), id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        SubscriptionDefinition given = Bodies.read(body, SubscriptionDefinition.class);
        String subscriptionId = Bodies.sameId(id, given.id(), "subscription id");
        SubscriptionDefinition withId = new SubscriptionDefinition(subscriptionId, given.displayName(), given.scope(),
                given.state(), given.ownerId(), given.primaryKey(), given.secondaryKey(), given.primaryKeyHash(),
                given.secondaryKeyHash(), given.allowTracing(), null, given.startDate(), given.expirationDate());
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            SubscriptionDefinition stored = SubscriptionEdits.subscription(current, id).orElse(null);
            created[0] = stored == null;
            return SubscriptionEdits.withSubscription(current, SubscriptionInputs.complete(withId, stored,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), "subscription '" + id + "'"));
        });
        return Responses.changed(created[0], SubscriptionKeys.shown(
                SubscriptionEdits.existingSubscription(store.state().document(), id)), revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            SubscriptionEdits.existingSubscription(current, id);
            return SubscriptionEdits.withoutSubscription(current, id);
        });
        return Responses.deleted(revision);
    }

    /** {@code {"primaryKey": …, "secondaryKey": …}}: the one way to read the keys back, as in APIM. */
    @POST
    @Path("{id}/listSecrets")
    public Response listSecrets(@PathParam("id") String id) throws MissingException {
        return Responses.ok(SubscriptionKeys.of(SubscriptionEdits.existingSubscription(store.state().document(), id)));
    }

    @POST
    @Path("{id}/regeneratePrimaryKey")
    public Response regeneratePrimaryKey(@PathParam("id") String id)
            throws ConfigException, MissingException, SQLException {
        return regenerate(id, true);
    }

    @POST
    @Path("{id}/regenerateSecondaryKey")
    public Response regenerateSecondaryKey(@PathParam("id") String id)
            throws ConfigException, MissingException, SQLException {
        return regenerate(id, false);
    }

    /** A new key replaces the old at once; gateways stop taking the old one when they have this revision. */
    private Response regenerate(String id, boolean primary) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> SubscriptionEdits.withSubscription(current,
                SubscriptionInputs.regenerated(SubscriptionEdits.existingSubscription(current, id), primary)));
        return Responses.deleted(revision); // 204 with the revision, as APIM answers
    }
}
