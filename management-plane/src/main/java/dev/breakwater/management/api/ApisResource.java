package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import dev.breakwater.management.store.MissingException;
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

/**
 * {@code /admin/apis}: APIs, their operations, and the policies of both. A PUT of an API with
 * an {@code operations} property replaces its operations; without one it keeps them.
 */
@Path("/admin/apis")
public final class ApisResource {

    private final ConfigStore store;

    public ApisResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() {
        return Responses.ok(store.state().document().apis());
    }

    @GET
    @Path("{apiId}")
    public Response get(@PathParam("apiId") String apiId) throws MissingException {
        return Responses.ok(Edits.existingApi(store.state().document(), apiId));
    }

    @PUT
    @Path("{apiId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("apiId") String apiId, byte[] body)
            throws ConfigException, MissingException, SQLException {
        ApiDefinition given = Bodies.read(body, ApiDefinition.class);
        boolean replaceOperations = Bodies.hasProperty(body, "operations");
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            ApiDefinition existing = Edits.api(current, apiId).orElse(null);
            created[0] = existing == null;
            ApiDefinition api = new ApiDefinition(Bodies.sameId(apiId, given.id(), "API id"), given.displayName(),
                    given.path(), given.serviceUrl(), given.subscriptionRequired(), given.hostnames(), given.policy(),
                    replaceOperations || existing == null ? given.operations() : existing.operations(),
                    given.subscriptionKeyParameterNames());
            return Edits.withApi(current, api);
        });
        return Responses.changed(created[0], Edits.existingApi(store.state().document(), apiId), revision);
    }

    /**
     * Deletes the API, its gateway assignments and its place in products; subscriptions scoped to
     * this API alone are refused (409) unless {@code deleteSubscriptions=true} deletes them too.
     */
    @DELETE
    @Path("{apiId}")
    public Response delete(@PathParam("apiId") String apiId,
                           @QueryParam("deleteSubscriptions") @DefaultValue("false") boolean deleteSubscriptions)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingApi(current, apiId);
            return Edits.withoutApi(current, apiId, deleteSubscriptions);
        });
        return Responses.deleted(revision);
    }

    @GET
    @Path("{apiId}/operations/{operationId}")
    public Response getOperation(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId)
            throws MissingException {
        return Responses.ok(Edits.existingOperation(Edits.existingApi(store.state().document(), apiId), operationId));
    }

    @PUT
    @Path("{apiId}/operations/{operationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putOperation(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId,
                                 byte[] body) throws ConfigException, MissingException, SQLException {
        OperationDefinition given = Bodies.read(body, OperationDefinition.class);
        OperationDefinition operation = new OperationDefinition(Bodies.sameId(operationId, given.id(), "operation id"),
                given.displayName(), given.method(), given.urlTemplate(), given.policy(), given.responses());
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            ApiDefinition api = Edits.existingApi(current, apiId);
            created[0] = api.operations().stream().noneMatch(existing -> existing.id().equals(operationId));
            return Edits.withApi(current, Edits.withOperation(api, operation));
        });
        return Responses.changed(created[0], operation, revision);
    }

    @DELETE
    @Path("{apiId}/operations/{operationId}")
    public Response deleteOperation(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            ApiDefinition api = Edits.existingApi(current, apiId);
            Edits.existingOperation(api, operationId);
            return Edits.withApi(current, Edits.withoutOperation(api, operationId));
        });
        return Responses.deleted(revision);
    }

    @GET
    @Path("{apiId}/policy")
    public Response getPolicy(@PathParam("apiId") String apiId) throws MissingException {
        return policyOrMissing(Edits.existingApi(store.state().document(), apiId).policy(), "API '" + apiId + "'");
    }

    @PUT
    @Path("{apiId}/policy")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putPolicy(@PathParam("apiId") String apiId, byte[] body)
            throws ConfigException, MissingException, SQLException {
        return setApiPolicy(apiId, Bodies.policy(body));
    }

    @DELETE
    @Path("{apiId}/policy")
    public Response deletePolicy(@PathParam("apiId") String apiId) throws ConfigException, MissingException, SQLException {
        return setApiPolicy(apiId, null);
    }

    @GET
    @Path("{apiId}/operations/{operationId}/policy")
    public Response getOperationPolicy(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId)
            throws MissingException {
        OperationDefinition operation = Edits.existingOperation(Edits.existingApi(store.state().document(), apiId),
                operationId);
        return policyOrMissing(operation.policy(), "operation '" + apiId + "/" + operationId + "'");
    }

    @PUT
    @Path("{apiId}/operations/{operationId}/policy")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putOperationPolicy(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId,
                                       byte[] body) throws ConfigException, MissingException, SQLException {
        return setOperationPolicy(apiId, operationId, Bodies.policy(body));
    }

    @DELETE
    @Path("{apiId}/operations/{operationId}/policy")
    public Response deleteOperationPolicy(@PathParam("apiId") String apiId, @PathParam("operationId") String operationId)
            throws ConfigException, MissingException, SQLException {
        return setOperationPolicy(apiId, operationId, null);
    }

    private Response setApiPolicy(String apiId, String policy) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current ->
                Edits.withApi(current, Edits.withPolicy(Edits.existingApi(current, apiId), policy)));
        return policy == null ? Responses.deleted(revision)
                : Response.fromResponse(Responses.xml(policy)).header(Responses.REVISION_HEADER, revision).build();
    }

    private Response setOperationPolicy(String apiId, String operationId, String policy)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            ApiDefinition api = Edits.existingApi(current, apiId);
            OperationDefinition operation = Edits.existingOperation(api, operationId);
            return Edits.withApi(current, Edits.withOperation(api, Edits.withPolicy(operation, policy)));
        });
        return policy == null ? Responses.deleted(revision)
                : Response.fromResponse(Responses.xml(policy)).header(Responses.REVISION_HEADER, revision).build();
    }

    private static Response policyOrMissing(String policy, String owner) throws MissingException {
        if (policy == null) {
            throw new MissingException(owner + " has no policy");
        }
        return Responses.xml(policy);
    }
}
