package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.MissingException;
import dev.breakwater.management.store.SubscriptionEdits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/users}, as APIM's users, as far as {@code context.User} shows one: {@code {email,
 * firstName, lastName, note, state, groups, registrationDate}} (the registration date is set when the
 * user is created and kept). Deleting a user who owns subscriptions is refused (409) unless
 * {@code deleteSubscriptions=true}, APIM's parameter, deletes them with the user.
 */
@Path("/admin/users")
public final class UsersResource {

    private final ConfigStore store;
    private final Clock clock;

    public UsersResource(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    public Response list() {
        return Responses.ok(store.state().document().users());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(SubscriptionEdits.existingUser(store.state().document(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        UserDefinition given = Bodies.read(body, UserDefinition.class);
        String userId = Bodies.sameId(id, given.id(), "user id");
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            UserDefinition stored = SubscriptionEdits.user(current, id).orElse(null);
            created[0] = stored == null;
            return SubscriptionEdits.withUser(current, new UserDefinition(userId, given.email(), given.firstName(),
                    given.lastName(), given.note(), given.state(), given.groups(),
                    stored != null && stored.registrationDate() != null ? stored.registrationDate()
                            : given.registrationDate() != null ? given.registrationDate() : clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        });
        return Responses.changed(created[0], SubscriptionEdits.existingUser(store.state().document(), id), revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id,
                           @QueryParam("deleteSubscriptions") @DefaultValue("false") boolean deleteSubscriptions)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            SubscriptionEdits.existingUser(current, id);
            return SubscriptionEdits.withoutUser(current, id, deleteSubscriptions);
        });
        return Responses.deleted(revision);
    }
}
