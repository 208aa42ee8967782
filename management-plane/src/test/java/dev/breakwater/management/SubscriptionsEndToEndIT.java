package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.subscription.SubscriptionCheck;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.FileScan;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription made on a real management plane opens its product's API on a real gateway synced
 * from it, in front of a real backend: with the key 200 from the backend, without 401, and a
 * regenerated key's old value refused once the gateway has the new revision. The gateway never holds
 * the key: not in what it was served, not in its backup files.
 */
class SubscriptionsEndToEndIT {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final String HEADER = "Ocp-Apim-Subscription-Key";

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;
    TestBackend backend;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
        backend = new TestBackend();
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        backend.close();
    }

    private HttpResponse<String> call(ManagedGateway gateway, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.server.port()
                + "/orders/items/1"));
        if (key != null) {
            request.header(HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeyFromTheManagementPlaneOpensTheApiUntilItIsRegenerated() throws Exception {
        assertEquals(201, plane.admin("PUT", "/admin/apis/orders", "{\"path\": \"orders\", \"serviceUrl\": \""
                + backend.url() + "\", \"subscriptionRequired\": true}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/users/ann", "{\"email\": \"ann@example.com\"}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/products/starter", "{\"displayName\": \"Starter\", "
                + "\"state\": \"published\", \"apis\": [\"orders\"]}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/ann-starter", "{\"scope\": \"/products/starter\", "
                + "\"ownerId\": \"/users/ann\"}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"orders\"]}").statusCode());
        String key = Json.text(Json.parse(plane.admin("POST", "/admin/subscriptions/ann-starter/listSecrets", null)
                .body()), "primaryKey");
        String secondary = Json.text(Json.parse(plane.admin("POST", "/admin/subscriptions/ann-starter/listSecrets",
                null).body()), "secondaryKey");

        Path backup = dir.resolve("backup-gw-1");
        try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw-1", plane.token("gw-1", "primary"), backup)) {
            HttpResponse<String> admitted = Await.until("the gateway serves the API with the key", BOUND,
                    () -> call(gateway, key), response -> response.statusCode() == 200);
            assertTrue(admitted.body().contains("/items/1"), "the backend answered: " + admitted.body());
            int reached = backend.requestsReceived();
            HttpResponse<String> without = call(gateway, null);
            assertEquals(401, without.statusCode(), without.body());
            assertEquals(reached, backend.requestsReceived(), "a call without a key never reaches the backend");
            assertEquals(200, call(gateway, secondary).statusCode(), "the secondary key opens it too");

            assertEquals(204, plane.admin("POST", "/admin/subscriptions/ann-starter/regeneratePrimaryKey", null)
                    .statusCode());
            String newKey = Json.text(Json.parse(plane.admin("POST", "/admin/subscriptions/ann-starter/listSecrets",
                    null).body()), "primaryKey");
            HttpResponse<String> refused = Await.until("the gateway refuses the old key once synced", BOUND,
                    () -> call(gateway, key), response -> response.statusCode() == 401);
            assertEquals(SubscriptionCheck.INVALID_KEY, Json.text(Json.parse(refused.body()), "message"),
                    "APIM's body for an invalid key");
            assertEquals(200, call(gateway, newKey).statusCode(), "the new key opens it");
            assertEquals(200, call(gateway, secondary).statusCode(), "the secondary key was not regenerated");

            for (String held : List.of(key, newKey, secondary)) {
                assertFalse(gateway.status().contains(held));
            }
        }
        assertTrue(hasFiles(backup), "the gateway kept a backup");
        for (String held : List.of(key, secondary)) {
            assertEquals(List.of(), FileScan.filesContaining(backup, held), "a key in the gateway's backup files");
        }
    }

    private static boolean hasFiles(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }
}
