package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a management document before it is stored, with the gateway's own compiler: every
 * API, operation and policy must compile exactly as a gateway would compile it, so that no
 * document a gateway would refuse is ever served. All APIs are compiled together, so two APIs
 * that would clash on a gateway cannot both exist, whatever their assignments.
 */
public final class DocumentValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");

    private final SnapshotCompiler compiler;

    public DocumentValidator(SnapshotCompiler compiler) {
        this.compiler = compiler;
    }

    public void validate(ManagementDocument document) throws ConfigException {
        compiler.compile(new ConfigDocument(document.revision(), document.policy(), document.apis()), "", "validation");
        Set<String> apiIds = new HashSet<>();
        for (ApiDefinition api : document.apis()) {
            apiIds.add(api.id());
        }
        Set<String> gatewayIds = new HashSet<>();
        for (int i = 0; i < document.gateways().size(); i++) {
            GatewayDefinition gateway = document.gateways().get(i);
            String where = "gateways[" + i + "]";
            if (gateway.id() == null || !ID.matcher(gateway.id()).matches()) {
                throw new ConfigException(where + ": id is required: 1 to 80 letters, digits, '.', '_', '~' or '-'");
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
