package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.management.model.NamedValues;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import dev.breakwater.management.store.MissingException;
import dev.breakwater.management.store.NamedValueInputs;
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

/**
 * {@code /admin/namedValues}, as APIM's named values: {@code {id, displayName, value, secret}}.
 * No GET returns a secret's value (it is left out, {@code secret: true} stays); as in APIM,
 * {@code POST …/listValue} is the one way to read it back. A PUT of a secret without a value
 * keeps the stored value, so that what a GET returned can be written back.
 */
@Path("/admin/namedValues")
public final class NamedValuesResource {

    private final ConfigStore store;

    public NamedValuesResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() {
        return Responses.ok(NamedValues.shown(store.state().document().namedValues()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(NamedValues.shown(Edits.existingNamedValue(store.state().document(), id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        NamedValueDefinition given = Bodies.read(body, NamedValueDefinition.class);
        Bodies.sameId(id, given.id(), "named value id");
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            NamedValueDefinition stored = Edits.namedValue(current, id).orElse(null);
            created[0] = stored == null;
            return Edits.withNamedValue(current, NamedValueInputs.complete(id, given, stored, "the named value"));
        });
        return Responses.changed(created[0], NamedValues.shown(Edits.existingNamedValue(store.state().document(), id)),
                revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingNamedValue(current, id);
            return Edits.withoutNamedValue(current, id);
        });
        return Responses.deleted(revision);
    }

    /** The value, secret or not: {@code {"value": "…"}}. */
    @POST
    @Path("{id}/listValue")
    public Response listValue(@PathParam("id") String id) throws MissingException {
        return Responses.ok(new Value(Edits.existingNamedValue(store.state().document(), id).value()));
    }

    /** The answer of listValue. */
    public record Value(String value) {
    }
}
