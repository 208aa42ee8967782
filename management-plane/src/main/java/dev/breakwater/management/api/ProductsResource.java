package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ProductDefinition;
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

/**
 * {@code /admin/products}, as APIM's products: {@code {displayName, description, subscriptionRequired,
 * approvalRequired, subscriptionsLimit, state, apis, groups}}, and the product's policy at
 * {@code /admin/products/{id}/policy}. A PUT without {@code policy} keeps the stored policy (APIM keeps
 * a product's policy as a resource of its own). Deleting a product that subscriptions are scoped to is
 * refused (409) unless {@code deleteSubscriptions=true}, APIM's parameter, deletes them with it.
 */
@Path("/admin/products")
public final class ProductsResource {

    private final ConfigStore store;

    public ProductsResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() {
        return Responses.ok(store.state().document().products());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException {
        return Responses.ok(SubscriptionEdits.existingProduct(store.state().document(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        ProductDefinition given = Bodies.read(body, ProductDefinition.class);
        boolean replacePolicy = Bodies.hasProperty(body, "policy");
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            ProductDefinition stored = SubscriptionEdits.product(current, id).orElse(null);
            created[0] = stored == null;
            ProductDefinition product = new ProductDefinition(Bodies.sameId(id, given.id(), "product id"),
                    given.displayName(), given.description(), given.subscriptionRequired(), given.approvalRequired(),
                    given.subscriptionsLimit(), given.state(), given.apis(),
                    replacePolicy || stored == null ? given.policy() : stored.policy(), given.groups());
            return SubscriptionEdits.withProduct(current, product);
        });
        return Responses.changed(created[0], SubscriptionEdits.existingProduct(store.state().document(), id), revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id,
                           @QueryParam("deleteSubscriptions") @DefaultValue("false") boolean deleteSubscriptions)
            throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            SubscriptionEdits.existingProduct(current, id);
            return SubscriptionEdits.withoutProduct(current, id, deleteSubscriptions);
        });
        return Responses.deleted(revision);
    }

    @GET
    @Path("{id}/policy")
    public Response getPolicy(@PathParam("id") String id) throws MissingException {
        String policy = SubscriptionEdits.existingProduct(store.state().document(), id).policy();
        if (policy == null) {
            throw new MissingException("product '" + id + "' has no policy");
        }
        return Responses.xml(policy);
    }

    @PUT
    @Path("{id}/policy")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putPolicy(@PathParam("id") String id, byte[] body)
            throws ConfigException, MissingException, SQLException {
        return setPolicy(id, Bodies.policy(body));
    }

    @DELETE
    @Path("{id}/policy")
    public Response deletePolicy(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        return setPolicy(id, null);
    }

    private Response setPolicy(String id, String policy) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> SubscriptionEdits.withProduct(current,
                SubscriptionEdits.withPolicy(SubscriptionEdits.existingProduct(current, id), policy)));
        return policy == null ? Responses.deleted(revision)
                : Response.fromResponse(Responses.xml(policy)).header(Responses.REVISION_HEADER, revision).build();
    }
}
