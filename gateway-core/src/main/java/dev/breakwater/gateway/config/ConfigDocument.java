package dev.breakwater.gateway.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything a gateway needs, as one JSON document; served by the management plane and read
 * from a local file alike. Property names follow the APIM resource model.
 *
 * @param revision    increases with every change
 * @param policy      the global policy XML, or {@code null}
 * @param namedValues values policies reference as {@code {{name}}}
 * @param fragments   policy fragments that {@code include-fragment} puts in place
 * @param backends    backends policies send requests to by id ({@code set-backend-service backend-id})
 * @param certificates certificates policies present to backends ({@code authentication-certificate})
 * @param products     products: sets of APIs with a policy between the global and the API scope
 * @param subscriptions subscriptions: the keys callers present, each opening a product, an API or all APIs
 * @param users        the owners of subscriptions, as {@code context.User} shows them
 */
public record ConfigDocument(long revision, String policy, List<ApiDefinition> apis,
                             // left out when empty, so that gateways of earlier versions still read documents without them
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NamedValueDefinition> namedValues,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FragmentDefinition> fragments,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BackendDefinition> backends,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CertificateDefinition> certificates,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProductDefinition> products,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscriptionDefinition> subscriptions,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UserDefinition> users) {

    public ConfigDocument {
        apis = apis == null ? List.of() : List.copyOf(apis);
        namedValues = namedValues == null ? List.of() : List.copyOf(namedValues);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        backends = backends == null ? List.of() : List.copyOf(backends);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        products = products == null ? List.of() : List.copyOf(products);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A document without products, subscriptions and users. */
    public ConfigDocument(long revision, String policy, List<ApiDefinition> apis,
                          List<NamedValueDefinition> namedValues, List<FragmentDefinition> fragments,
                          List<BackendDefinition> backends, List<CertificateDefinition> certificates) {
        this(revision, policy, apis, namedValues, fragments, backends, certificates, List.of(), List.of(), List.of());
    }

    /** A document without certificates. */
    public ConfigDocument(long revision, String policy, List<ApiDefinition> apis,
                          List<NamedValueDefinition> namedValues, List<FragmentDefinition> fragments,
                          List<BackendDefinition> backends) {
        this(revision, policy, apis, namedValues, fragments, backends, List.of());
    }

    /** A document without backends. */
    public ConfigDocument(long revision, String policy, List<ApiDefinition> apis,
                          List<NamedValueDefinition> namedValues, List<FragmentDefinition> fragments) {
        this(revision, policy, apis, namedValues, fragments, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A document with only APIs and a global policy. */
    public ConfigDocument(long revision, String policy, List<ApiDefinition> apis) {
        this(revision, policy, apis, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
