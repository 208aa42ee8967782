package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.FragmentDefinition;
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
 * {@code /admin/fragments}, as APIM's policy fragments: {@code {id, description, policy}} in
 * JSON, with the {@code <fragment>} XML in {@code policy}; or the XML alone at
 * {@code …/policy}, as the other policy endpoints take it (a PUT there creates the fragment
 * when there is none, and keeps its description when there is).
 */
@Path("/admin/fragments")
public final class FragmentsResource {

    private final ConfigStore store;

    public FragmentsResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() {
        return Responses.ok(store.state().document().fragments());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(Edits.existingFragment(store.state().document(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        FragmentDefinition given = Bodies.read(body, FragmentDefinition.class);
        FragmentDefinition fragment = new FragmentDefinition(Bodies.sameId(id, given.id(), "fragment id"),
                given.description(), given.policy());
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            created[0] = Edits.fragment(current, id).isEmpty();
            return Edits.withFragment(current, fragment);
        });
        return Responses.changed(created[0], fragment, revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingFragment(current, id);
            return Edits.withoutFragment(current, id);
        });
        return Responses.deleted(revision);
    }

    @GET
    @Path("{id}/policy")
    public Response getPolicy(@PathParam("id") String id) throws MissingException {
        return Responses.xml(Edits.existingFragment(store.state().document(), id).policy());
    }

    @PUT
    @Path("{id}/policy")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putPolicy(@PathParam("id") String id, byte[] body)
            throws ConfigException, MissingException, SQLException {
        String policy = Bodies.policy(body);
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            FragmentDefinition existing = Edits.fragment(current, id).orElse(null);
            created[0] = existing == null;
            return Edits.withFragment(current, new FragmentDefinition(id,
                    existing == null ? null : existing.description(), policy));
        });
        return Response.fromResponse(Responses.xml(policy)).status(created[0] ? 201 : 200)
                .header(Responses.REVISION_HEADER, revision).build();
    }
}
