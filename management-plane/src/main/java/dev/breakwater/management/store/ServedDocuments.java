package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.management.model.BackendCredentials;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration document each gateway is served, as the exact bytes it will parse: the
 * global policy, the APIs assigned to it, the backends they use ({@link BackendReferences}), the
 * named values and fragments their policies and those backends reference ({@link PolicyReferences}),
 * and the certificates their policies reference ({@link CertificateReferences}; all of them where a
 * policy names one by expression), at the document's revision: a gateway holds no secret named
 * value, backend credential or private key it does not use. Secret values are in clear here, for
 * the gateway that needs them, on the authenticated gateway API only. Rendered once per revision, when the revision is made, so
 * that answering a gateway (and waking the long polls of many) renders nothing. Gateways with
 * the same APIs share one rendering.
 */
final class ServedDocuments {

    private final StrictJson json;

    ServedDocuments(StrictJson json) {
        this.json = json;
    }

    /** The document with every API, named value and fragment, whatever the assignments and references. */
    byte[] everything(ManagementDocument document) {
        return json.write(new ConfigDocument(document.revision(), document.policy(), document.apis(),
                document.namedValues(), document.fragments(), document.backends(), document.certificates()));
    }

    /** Each gateway's document, by gateway id. */
    Map<String, byte[]> render(ManagementDocument document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.fragments().forEach(fragment -> fragments.putIfAbsent(fragment.id(), fragment));
        PolicyReferences references = new PolicyReferences(fragments);
        Map<List<ApiDefinition>, byte[]> byApis = new HashMap<>();
        Map<String, byte[]> served = new HashMap<>();
        for (GatewayDefinition gateway : document.gateways()) {
            List<ApiDefinition> apis = document.apis().stream().filter(api -> gateway.apis().contains(api.id())).toList();
            served.put(gateway.id(), byApis.computeIfAbsent(apis, assigned ->
                    json.write(servedWith(document, assigned, references))));
        }
        return Map.copyOf(served);
    }

    /** The document served with these APIs: only what their policies and the global policy use. */
    private static ConfigDocument servedWith(ManagementDocument document, List<ApiDefinition> apis,
                                             PolicyReferences references) {
        List<String> policies = new ArrayList<>();
        policies.add(document.policy());
        for (ApiDefinition api : apis) {
            policies.add(api.policy());
            api.operations().stream().map(OperationDefinition::policy).forEach(policies::add);
        }
        List<FragmentDefinition> included = document.fragments().stream()
                .filter(fragment -> references.used(policies).fragments().contains(fragment.id())).toList();
        List<String> withFragments = new ArrayList<>(policies);
        included.forEach(fragment -> withFragments.add(fragment.policy()));
        List<BackendDefinition> backends = BackendReferences.used(document.backends(), apis, withFragments);
        List<String> withBackends = new ArrayList<>(policies);
        for (BackendDefinition backend : backends) { // named values in their URLs and credentials
            withBackends.add(backend.url());
            BackendCredentials.mapValues(backend, value -> {
                withBackends.add(value);
                return value;
            });
        }
        PolicyReferences.Used used = references.used(withBackends);
        List<NamedValueDefinition> namedValues = document.namedValues().stream()
                .filter(value -> value.referenceName() != null && used.namedValue(value.referenceName())).toList();
        CertificateReferences.Used certificates = CertificateReferences.of(withFragments);
        return new ConfigDocument(document.revision(), document.policy(), apis, namedValues, included, backends,
                document.certificates().stream()
                        .filter(certificate -> certificates.uses(certificate.id(), certificate.thumbprint())).toList());
    }
}
