package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each gateway gets the named values and fragments its own policies reference, and no others. */
class ServedDocumentsTest {

    private static final StrictJson JSON = new StrictJson();

    private static final NamedValueDefinition GLOBAL = value("global-header", "GlobalHeader", false);
    private static final NamedValueDefinition API_KEY = value("orders-key", "orders-key", true);
    private static final NamedValueDefinition FROM_FRAGMENT = value("audit", "audit.target", false);
    private static final NamedValueDefinition OPERATION = value("op", "op-value", true);
    private static final NamedValueDefinition UNUSED = value("unused", "unused", true);
    private static final FragmentDefinition AUDIT = new FragmentDefinition("audit", null,
            "<fragment><set-header name=\"x-audit\"><value>{{audit.target}}</value></set-header></fragment>");
    private static final FragmentDefinition SPARE = new FragmentDefinition("spare", null, "<fragment>{{unused}}</fragment>");

    private static NamedValueDefinition value(String id, String displayName, boolean secret) {
        return new NamedValueDefinition(id, displayName, "value of " + id, secret);
    }

    private static ManagementDocument document() {
        ApiDefinition orders = new ApiDefinition("orders", null, "orders", "http://orders", false, null,
                "<policies><inbound><set-header name=\"k\"><value>{{ Orders-Key }}</value></set-header>"
                        + "<include-fragment fragment-id=\"audit\"/></inbound></policies>",
                List.of(new OperationDefinition("get", null, "GET", "/", "<policies>{{op-value}}</policies>")));
        ApiDefinition status = new ApiDefinition("status", null, "status", "http://status", false, null, null, null);
        return ManagementDocument.empty().withRevision(9)
                .withPolicy("<policies><inbound><set-header name=\"g\"><value>{{GlobalHeader}}</value></set-header>"
                        + "</inbound></policies>")
                .withApis(List.of(orders, status))
                .withNamedValues(List.of(GLOBAL, API_KEY, FROM_FRAGMENT, OPERATION, UNUSED))
                .withFragments(List.of(AUDIT, SPARE))
                .withGateways(List.of(new GatewayDefinition("east", null, List.of("orders", "status")),
                        new GatewayDefinition("west", null, List.of("status"))));
    }

    @Test
    void aGatewayGetsWhatTheGlobalPolicyItsApisItsOperationsAndTheirFragmentsReference() throws Exception {
        Map<String, byte[]> served = new ServedDocuments(JSON, new byte[32]).render(document());
        ConfigDocument east = JSON.read(served.get("east"));
        assertEquals(List.of(GLOBAL, API_KEY, FROM_FRAGMENT, OPERATION), east.namedValues(),
                "in the document's order, secret values in clear");
        assertEquals(List.of(AUDIT), east.fragments());
        ConfigDocument west = JSON.read(served.get("west"));
        assertEquals(List.of(GLOBAL), west.namedValues(), "only what the global policy uses");
        assertEquals(List.of(), west.fragments());
    }

    @Test
    void everyGatewayGetsEveryCaCertificateAndOnlyTheClientCertificatesItsPoliciesName() throws Exception {
        CertificateDefinition root = new CertificateDefinition("root", null, null, "-----BEGIN CERTIFICATE-----…",
                "AA".repeat(20), true);
        CertificateDefinition client = new CertificateDefinition("orders-client", "MIIK…", "secret", null,
                "BB".repeat(20));
        CertificateDefinition notCa = new CertificateDefinition("other", null, null, "-----BEGIN CERTIFICATE-----…",
                "CC".repeat(20), false);
        ManagementDocument document = document().withCertificates(List.of(root, client, notCa));
        Map<String, byte[]> served = new ServedDocuments(JSON, new byte[32]).render(document);
        assertEquals(List.of(root), JSON.read(served.get("east")).certificates(),
                "a CA certificate goes to every gateway, whatever its policies name; a client certificate does not");
        assertEquals(List.of(root), JSON.read(served.get("west")).certificates());
    }

    @Test
    void theValidationDocumentHasEverything() throws Exception {
        ConfigDocument everything = JSON.read(new ServedDocuments(JSON, new byte[32]).everything(document()));
        assertEquals(5, everything.namedValues().size());
        assertEquals(List.of(AUDIT, SPARE), everything.fragments(), "an unused fragment is still compiled alone");
    }
}
