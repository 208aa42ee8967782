package dev.breakwater.management.api;

import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.management.model.CertificateInput;
import dev.breakwater.management.model.CertificateView;
import dev.breakwater.management.store.CertificateInputs;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/certificates}, as APIM's certificates: a PUT gives {@code {data, password}} (base64
 * PKCS#12) or {@code {pem}}, optionally the {@code thumbprint} it must have; every GET shows
 * {@code {id, subject, thumbprint, expirationDate, hasPrivateKey, format}}, never the key material
 * or the password. A PUT without key material keeps the stored certificate (its thumbprint, if
 * given, must match), so what a GET returned can be written back ({@link CertificateInput}).
 * Gateways are served the certificates their policies reference, and every CA certificate
 * ({@code "ca": true}, PEM certificates without a key), which they trust for backends' TLS.
 */
@Path("/admin/certificates")
public final class CertificatesResource {

    private final ConfigStore store;

    public CertificatesResource(ConfigStore store) {
        this.store = store;
    }

    @GET
    public Response list() throws ConfigException {
        List<CertificateView> views = new ArrayList<>();
        for (CertificateDefinition certificate : store.state().document().certificates()) {
            views.add(view(certificate));
        }
        return Responses.ok(views);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) throws MissingException, ConfigException {
        return Responses.ok(view(Edits.existingCertificate(store.state().document(), id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws ConfigException, MissingException, SQLException {
        CertificateInput given = Bodies.read(body, CertificateInput.class);
        CertificateDefinition certificate = given.definition(Bodies.sameId(id, given.id(), "certificate id"));
        boolean[] created = new boolean[1];
        long revision = store.change(current -> {
            CertificateDefinition stored = Edits.certificate(current, id).orElse(null);
            created[0] = stored == null;
            return Edits.withCertificate(current, CertificateInputs.complete(certificate, stored,
                    "certificate '" + id + "'"));
        });
        return Responses.changed(created[0], view(Edits.existingCertificate(store.state().document(), id)), revision);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ConfigException, MissingException, SQLException {
        long revision = store.change(current -> {
            Edits.existingCertificate(current, id);
            return Edits.withoutCertificate(current, id);
        });
        return Responses.deleted(revision);
    }

    /** What a GET shows, read from the stored certificate (it was read when stored: it reads again). */
    private static CertificateView view(CertificateDefinition certificate) throws ConfigException {
        ClientCertificate read = CertificateInputs.read(certificate, "certificate '" + certificate.id() + "'");
        return new CertificateView(certificate.id(), read.subject(), read.thumbprint(), read.expires(),
                read.hasPrivateKey(), certificate.data() != null ? "pkcs12" : "pem", certificate.caCertificate());
    }
}
