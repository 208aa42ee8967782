package dev.breakwater.management.model;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import java.util.List;

/**
 * Everything the management plane holds, as one document: the global policy, every API with
 * its operations and policies, the named values, policy fragments, backends and certificates, and the
 * gateways with their API assignments. {@code GET /admin/config} exports it (secret values and
 * certificates' key material left out) and
 * {@code PUT /admin/config} replaces everything with it.
 *
 * @param revision assigned by the management plane; ignored on import
 */
public record ManagementDocument(long revision, String policy, List<ApiDefinition> apis,
                                 List<NamedValueDefinition> namedValues, List<FragmentDefinition> fragments,
                                 List<GatewayDefinition> gateways, List<BackendDefinition> backends,
                                 List<CertificateDefinition> certificates) {

    public ManagementDocument {
        apis = apis == null ? List.of() : List.copyOf(apis);
        namedValues = namedValues == null ? List.of() : List.copyOf(namedValues);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        backends = backends == null ? List.of() : List.copyOf(backends);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public static ManagementDocument empty() {
        return new ManagementDocument(0, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public ManagementDocument withRevision(long next) {
        return new ManagementDocument(next, policy, apis, namedValues, fragments, gateways, backends, certificates);
    }

    public ManagementDocument withPolicy(String next) {
        return new ManagementDocument(revision, next, apis, namedValues, fragments, gateways, backends, certificates);
    }

    public ManagementDocument withApis(List<ApiDefinition> next) {
        return new ManagementDocument(revision, policy, next, namedValues, fragments, gateways, backends, certificates);
    }

    public ManagementDocument withNamedValues(List<NamedValueDefinition> next) {
        return new ManagementDocument(revision, policy, apis, next, fragments, gateways, backends, certificates);
    }

    public ManagementDocument withFragments(List<FragmentDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, next, gateways, backends, certificates);
    }

    public ManagementDocument withBackends(List<BackendDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, next, certificates);
    }

    public ManagementDocument withCertificates(List<CertificateDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, backends, next);
    }

    public ManagementDocument withGateways(List<GatewayDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, next, backends, certificates);
    }
}
