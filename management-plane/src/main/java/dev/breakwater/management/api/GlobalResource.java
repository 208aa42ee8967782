package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.management.model.ManagementDocument;
import dev.breakwater.management.model.NamedValues;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import dev.breakwater.management.store.MissingException;
import dev.breakwater.management.store.BackendInputs;
import dev.breakwater.management.store.CertificateInputs;
import dev.breakwater.management.store.NamedValueInputs;
import dev.breakwater.management.store.SubscriptionInputs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/policy}, the global policy, and {@code /admin/config}, everything as one
 * document: exported for keeping in git (secret values left out), and replaced whole,
 * atomically, from it.
 */
@Path("/admin")
public final class GlobalResource {

    private final ConfigStore store;
    private final Clock clock;

    public GlobalResource(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("policy")
    public Response getPolicy() throws MissingException {
        String policy = store.state().document().policy();
        if (policy == null) {
            throw new MissingException("there is no global policy");
        }
        return Responses.xml(policy);
    }

    @PUT
    @Path("policy")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putPolicy(byte[] body) throws ConfigException, MissingException, SQLException {
        String policy = Bodies.policy(body);
        long revision = store.change(current -> Edits.withGlobalPolicy(current, policy));
        return Response.fromResponse(Responses.xml(policy)).header(Responses.REVISION_HEADER, revision).build();
    }

    @DELETE
    @Path("policy")
    public Response deletePolicy() throws ConfigException, MissingException, SQLException {
        return Responses.deleted(store.change(current -> Edits.withGlobalPolicy(current, null)));
    }

    /** Everything, but no secret value nor key: those stay in the store, readable one by one (listValue, listSecrets). */
    @GET
    @Path("config")
    public Response export() {
        ConfigStore.State state = store.state();
        return Response.fromResponse(Responses.ok(NamedValues.exported(state.document())))
                .header(Responses.REVISION_HEADER, state.revision()).build();
    }

    /**
     * Replaces everything; gateways not in the document are deleted with their keys. A secret
     * named value without a value, a certificate without its key material, or a subscription without
     * its keys keeps the one stored under its id (a new subscription without keys gets new ones), so
     * that an export imports again.
     */
    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(byte[] body) throws ConfigException, MissingException, SQLException {
        ManagementDocument given = Bodies.read(body, ManagementDocument.class);
        long revision = store.change(current -> given.withNamedValues(
                NamedValueInputs.completeAll(given.namedValues(), current.namedValues()))
                .withBackends(BackendInputs.completeAll(given.backends(), current.backends()))
                .withCertificates(CertificateInputs.completeAll(given.certificates(), current.certificates()))
                .withSubscriptions(SubscriptionInputs.completeAll(given.subscriptions(), current.subscriptions(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS))));
        return Responses.changed(false, NamedValues.exported(store.state().document()), revision);
    }
}
