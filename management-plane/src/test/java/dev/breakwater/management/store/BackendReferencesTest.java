package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which backends a gateway is served: those its APIs and policies name, pools with their members. */
class BackendReferencesTest {

    private static BackendDefinition single(String id) {
        return new BackendDefinition(id, "http://" + id, null, null, null, null, null);
    }

    private static final List<BackendDefinition> BACKENDS = List.of(single("a"), single("b"), single("c"),
            new BackendDefinition("pool", null, null, null, null, null, new BackendDefinition.Pool(List.of(
                    new BackendDefinition.PoolMember("/subscriptions/s/providers/x/backends/b", 1, 1)))));

    private static ApiDefinition api(String serviceUrl) {
        return new ApiDefinition("api", null, "api", serviceUrl, false, List.of(), null, List.of());
    }

    private static List<String> ids(List<BackendDefinition> backends) {
        return backends.stream().map(BackendDefinition::id).toList();
    }

    @Test
    void anApisServiceUrlAndConstantBackendIdsNameTheirBackendsAndPoolsBringTheirMembers() {
        assertEquals(List.of("a"), ids(BackendReferences.used(BACKENDS, List.of(api("a")), List.of())));
        assertEquals(List.of("b", "pool"), ids(BackendReferences.used(BACKENDS, List.of(api("http://x")),
                List.of("<policies><inbound><set-backend-service backend-id=\"pool\"/></inbound></policies>"))));
        assertEquals(List.of(), ids(BackendReferences.used(BACKENDS, List.of(api("http://x")), List.of())),
                "no credentials for a gateway whose APIs name no backend");
    }

    @Test
    void aBackendIdKnownOnlyLaterMayNameAny() {
        for (String policy : List.of("<set-backend-service backend-id=\"@(context.Variables[&quot;b&quot;])\"/>",
                "<set-backend-service backend-id='{{which}}'/>")) {
            assertEquals(List.of("a", "b", "c", "pool"), ids(BackendReferences.used(BACKENDS, List.of(api("http://x")),
                    List.of(policy))), policy);
        }
    }
}
