package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a management document before it is stored: named values and fragments by APIM's
 * rules ({@link NamedValueRules}, {@link FragmentRules}), subscription keys and the ids of products,
 * subscriptions and users ({@link SubscriptionRules}), then, with the gateway's own parser,
 * limits and compiler, the exact bytes each gateway will be served: no document a gateway would
 * refuse is ever served. All APIs are also compiled together, so two APIs that would clash on a
 * gateway cannot both exist, whatever their assignments.
 */
final class DocumentValidator {

    /** The ids of gateways, named values, fragments, products, subscriptions and users. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");
    static final String ID_RULE = "1 to 80 letters, digits, '.', '_', '~' or '-', the first a letter or digit";

    private final SnapshotCompiler compiler;
    private final ServedDocuments served;

    DocumentValidator(SnapshotCompiler compiler, ServedDocuments served) {
        this.compiler = compiler;
        this.served = served;
    }

    /** @return what each gateway will be served, checked */
    Map<String, byte[]> validate(ManagementDocument document) throws ConfigException {
        NamedValueRules.check(document.namedValues());
        FragmentRules.check(document.fragments());
        SubscriptionRules.check(document);
        checkGateways(document);
        byte[] everything = served.everything(document);
        compiler.compile(everything, "validation");
        Map<String, byte[]> documents = served.render(document);
        Map<byte[], Boolean> checked = new IdentityHashMap<>(); // gateways with the same APIs share one rendering
        for (GatewayDefinition gateway : document.gateways()) {
            byte[] bytes = documents.get(gateway.id());
            if (checked.put(bytes, Boolean.TRUE) == null && !Arrays.equals(bytes, everything)) {
                try {
                    compiler.compile(bytes, "validation");
                } catch (ConfigException e) {
                    throw new ConfigException("as served to gateway '" + gateway.id() + "': " + e.getMessage());
                }
            }
        }
        return documents;
    }

    private static void checkGateways(ManagementDocument document) throws ConfigException {
        Set<String> apiIds = new HashSet<>();
        for (ApiDefinition api : document.apis()) {
            apiIds.add(api.id());
        }
        Set<String> gatewayIds = new HashSet<>();
        for (int i = 0; i < document.gateways().size(); i++) {
            GatewayDefinition gateway = document.gateways().get(i);
            String where = "gateways[" + i + "]";
            if (gateway.id() == null || !ID.matcher(gateway.id()).matches()) {
                throw new ConfigException(where + ": id is required: " + ID_RULE);
            }
            if (!gatewayIds.add(gateway.id())) {
                throw new ConfigException(where + " '" + gateway.id() + "': id is used by another gateway");
            }
            Set<String> assigned = new HashSet<>();
            for (String apiId : gateway.apis()) {
                if (!apiIds.contains(apiId)) {
                    throw new ConfigException(where + " '" + gateway.id() + "': no API '" + apiId + "' to assign");
                }
                if (!assigned.add(apiId)) {
                    throw new ConfigException(where + " '" + gateway.id() + "': API '" + apiId + "' is assigned twice");
                }
            }
        }
    }
}
