package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.RepresentationDefinition;
import dev.breakwater.gateway.config.ResponseDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.management.db.H2StoreDatabase;
import dev.breakwater.management.db.StoreMigrations;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.management.model.GatewayDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operation's documented responses (the examples mock-response answers with) are part of the
 * operation in the stored document: kept through edits and a reopen, served to gateways, and absent
 * from the JSON when an operation documents none.
 */
class OperationResponsesTest {

    private static final StrictJson JSON = new StrictJson();
    private static final List<ResponseDefinition> RESPONSES = List.of(
            new ResponseDefinition(200, "the order", List.of(
                    new RepresentationDefinition("application/json", "{\"id\": 7}"),
                    new RepresentationDefinition("application/xml", null))),
            new ResponseDefinition(404, null, List.of()));

    @TempDir
    Path dir;

    private ConfigStore open(H2Database database) throws Exception {
        H2StoreDatabase store = new H2StoreDatabase(database);
        StoreMigrations.migrate(store);
        return ConfigStore.open(store, new SecretCipher(new byte[SecretCipher.KEY_BYTES]),
                new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC()), JSON, Clock.systemUTC(), 1 << 20,
                revision -> { });
    }

    @Test
    void responsesAreStoredEditedAroundAndServed() throws Exception {
        OperationDefinition getOrder = new OperationDefinition("get-order", null, "GET", "/orders/{id}",
                "<policies><inbound><mock-response/></inbound></policies>", RESPONSES);
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withApi(current, new ApiDefinition("shop", null, "shop", "http://backend", false,
                    null, null, List.of(getOrder))));
            // setting the operation's policy alone must not drop its responses
            store.change(current -> {
                ApiDefinition api = Edits.existingApi(current, "shop");
                return Edits.withApi(current, Edits.withOperation(api, Edits.withPolicy(
                        Edits.existingOperation(api, "get-order"), "<policies><inbound><mock-response status-code=\"404\"/>"
                                + "</inbound></policies>")));
            });
            store.change(current -> Edits.withGateway(current, new GatewayDefinition("edge", null, List.of("shop"))));
        }
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            OperationDefinition stored = store.state().document().apis().get(0).operations().get(0);
            assertEquals(RESPONSES, stored.responses(), "the responses survive the edit and the reopen");
            assertTrue(stored.policy().contains("404"));
            ConfigDocument served = JSON.read(new ServedDocuments(JSON, new byte[32]).render(store.state().document()).get("edge"));
            assertEquals(RESPONSES, served.apis().get(0).operations().get(0).responses(), "the gateway gets them");
        }
    }

    @Test
    void anOperationWithoutResponsesIsWrittenWithoutThem() throws Exception {
        String json = new String(JSON.write(new OperationDefinition("o", null, "GET", "/", null)), StandardCharsets.UTF_8);
        assertFalse(json.contains("responses"), json);
        String with = new String(JSON.write(new OperationDefinition("o", null, "GET", "/", null, RESPONSES)),
                StandardCharsets.UTF_8);
        assertEquals(Json.parse("[{\"statusCode\": 200, \"description\": \"the order\", \"representations\": "
                + "[{\"contentType\": \"application/json\", \"example\": \"{\\\"id\\\": 7}\"}, "
                + "{\"contentType\": \"application/xml\"}]}, {\"statusCode\": 404, \"representations\": []}]"),
                Json.parse(with).get("responses"), with);
        assertFalse(with.contains("OrEmpty"), "only the record's own fields are written: " + with);
        assertNull(JSON.read(with.getBytes(StandardCharsets.UTF_8), OperationDefinition.class).responses().get(1).description());
    }
}
