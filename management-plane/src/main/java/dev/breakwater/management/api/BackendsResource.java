package dev.breakwater.management.api;

import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.management.model.BackendCredentials;
import dev.breakwater.management.store.BackendInputs;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import dev.breakwater.management.store.MissingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * {@code /admin/backends}, as APIM's backends: {@code {id, url, description, credentials, tls,
 * circuitBreaker, pool}}. Credential values are secrets unless they are named value references:
 * a GET shows them as {@code null}, and a PUT that gives {@code null} keeps the stored value.
 * Each gateway is served the backends its APIs use (see {@code BackendReferences}).
 */
@Path("/admin/backends")
public final class BackendsResource {

    private final ConfigStore store;

    public BackendsResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() {
        return Responses.ok(BackendCredentials.shown(store.state().document().backends()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(BackendCredentials.shown(Edits.existingBackend(store.state().document(), id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        BackendDefinition given = Bodies.read(body, BackendDefinition.class);
        BackendDefinition backend = new BackendDefinition(Bodies.sameId(id, given.id(), "backend id"), given.url(),
                given.description(), given.credentials(), given.tls(), given.circuitBreaker(), given.pool());
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            BackendDefinition stored = Edits.backend(current, id).orElse(null);
            created[0] = stored == null;
            return Edits.withBackend(current, BackendInputs.complete(backend, stored, "backend '" + id + "'"));
        });
        return Responses.changed(created[0], BackendCredentials.shown(Edits.existingBackend(store.state().document(),
                id)), revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingBackend(current, id);
            return Edits.withoutBackend(current, id);
        });
        return Responses.deleted(revision);
    }
}
