package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.gateway.testing.FileScan;
import dev.breakwater.gateway.testing.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products, subscriptions and users on a real management plane: CRUD as APIM names it, subscription
 * keys generated, read back only by listSecrets, never in a GET, an export, a log line or the store
 * file, served to gateways as salted hashes that follow a regeneration; deleting what subscriptions
 * hang on refused unless they go too.
 */
class SubscriptionsAdminIT {

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;
    RootLog log;

    @BeforeEach
    void start() throws Exception {
        log = new RootLog();
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        log.close();
    }

    private void apisProductAndUser() throws Exception {
        for (String api : List.of("orders", "status")) {
            assertEquals(201, plane.admin("PUT", "/admin/apis/" + api, "{\"path\": \"" + api + "\", \"serviceUrl\": "
                    + "\"http://127.0.0.1:9/" + api + "\", \"subscriptionRequired\": false}").statusCode());
        }
        assertEquals(201, plane.admin("PUT", "/admin/users/ann", "{\"email\": \"ann@example.com\", "
                + "\"firstName\": \"Ann\", \"lastName\": \"Lee\"}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/products/starter", "{\"displayName\": \"Starter\", "
                + "\"state\": \"published\", \"apis\": [\"orders\", \"status\"]}").statusCode());
    }

    private String subscription(String scope, String owner, String extra) {
        return "{\"displayName\": \"a subscription\", \"scope\": \"" + scope + "\""
                + (owner == null ? "" : ", \"ownerId\": \"" + owner + "\"") + extra + "}";
    }

    private JsonNode secrets(String id) throws Exception {
        HttpResponse<String> listed = plane.admin("POST", "/admin/subscriptions/" + id + "/listSecrets", null);
        assertEquals(200, listed.statusCode(), listed.body());
        return Json.parse(listed.body());
    }

    @Test
    void productsWithTheirPolicyAndUsersAreCreatedShownChangedAndDeleted() throws Exception {
        apisProductAndUser();
        JsonNode product = Json.parse(plane.admin("GET", "/admin/products/starter", null).body());
        assertEquals("Starter", Json.text(product, "displayName"));
        assertEquals(List.of("orders", "status"), List.of(product.get("apis").get(0).asText(),
                product.get("apis").get(1).asText()));
        assertEquals(1, Json.parse(plane.admin("GET", "/admin/products", null).body()).size());

        String policy = "<policies><inbound><base/><set-header name=\"X-Product\"><value>starter</value></set-header>"
                + "</inbound></policies>";
        HttpResponse<String> put = plane.adminXml("PUT", "/admin/products/starter/policy", policy);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(policy, plane.admin("GET", "/admin/products/starter/policy", null).body());
        assertEquals(200, plane.admin("PUT", "/admin/products/starter", "{\"displayName\": \"Starter plan\", "
                + "\"state\": \"published\", \"apis\": [\"orders\"]}").statusCode());
        assertEquals(policy, plane.admin("GET", "/admin/products/starter/policy", null).body(),
                "a PUT without policy keeps the product's policy");
        assertEquals(204, plane.admin("DELETE", "/admin/products/starter/policy", null).statusCode());
        assertEquals("product 'starter' has no policy",
                Json.error(plane.admin("GET", "/admin/products/starter/policy", null).body(), 404));
        assertTrue(Json.error(plane.adminXml("PUT", "/admin/products/starter/policy",
                "<policies><inbound><nope/></inbound></policies>").body(), 400).contains("nope"),
                "a product policy is compiled like any other");

        JsonNode user = Json.parse(plane.admin("GET", "/admin/users/ann", null).body());
        assertEquals("ann@example.com", Json.text(user, "email"));
        String registered = Json.text(user, "registrationDate");
        HttpResponse<String> again = plane.admin("PUT", "/admin/users/ann", "{\"email\": \"ann@example.org\"}");
        assertEquals(200, again.statusCode());
        assertEquals(registered, Json.text(Json.parse(again.body()), "registrationDate"), "kept from the creation");
        assertEquals(1, Json.parse(plane.admin("GET", "/admin/users", null).body()).size());
        assertTrue(Json.error(plane.admin("PUT", "/admin/users/bad%20id", "{}").body(), 400).contains("id is required"));

        assertEquals(204, plane.admin("DELETE", "/admin/users/ann", null).statusCode());
        assertEquals("no user 'ann'", Json.error(plane.admin("GET", "/admin/users/ann", null).body(), 404));
        assertEquals(204, plane.admin("DELETE", "/admin/products/starter", null).statusCode());
        assertEquals("no product 'starter'", Json.error(plane.admin("GET", "/admin/products/starter", null).body(), 404));
    }

    @Test
    void keysAreGeneratedReadBackOnlyByListSecretsAndNeverShownLoggedOrStoredInClear() throws Exception {
        apisProductAndUser();
        List<String> answers = new ArrayList<>();
        HttpResponse<String> created = plane.admin("PUT", "/admin/subscriptions/s1",
                subscription("/products/starter", "/users/ann", ""));
        assertEquals(201, created.statusCode(), created.body());
        answers.add(created.body());
        JsonNode shown = Json.parse(created.body());
        Json.absent(shown, "primaryKey");
        Json.absent(shown, "secondaryKey");
        Json.recentInstant(shown, "createdDate", java.time.Duration.ofMinutes(1));
        JsonNode keys = secrets("s1");
        String primary = Json.text(keys, "primaryKey");
        String secondary = Json.text(keys, "secondaryKey");
        assertTrue(primary.matches("[0-9a-f]{32}") && secondary.matches("[0-9a-f]{32}"), "APIM's style: " + keys);

        HttpResponse<String> renamed = plane.admin("PUT", "/admin/subscriptions/s1",
                subscription("/products/starter", "/users/ann", ", \"state\": \"suspended\""));
        assertEquals(200, renamed.statusCode(), renamed.body());
        answers.add(renamed.body());
        assertEquals(keys, secrets("s1"), "a PUT without keys keeps them");

        String given = "given-primary-key-0123456789";
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/s2", subscription("/apis", null,
                ", \"primaryKey\": \"" + given + "\"")).statusCode());
        assertEquals(given, Json.text(secrets("s2"), "primaryKey"));

        String tooShort = "short-key-77";
        String refused = Json.error(plane.admin("PUT", "/admin/subscriptions/s3", subscription("/apis", null,
                ", \"primaryKey\": \"" + tooShort + "\"")).body(), 400);
        assertEquals("subscription 's3': primaryKey must have 16 to 256 characters (it has 12); leave it out to have "
                + "one generated", refused);
        String duplicate = Json.error(plane.admin("PUT", "/admin/subscriptions/s3", subscription("/apis", null,
                ", \"secondaryKey\": \"" + given + "\"")).body(), 400);
        assertTrue(duplicate.contains("'s3': its secondaryKey is already the key of another subscription"), duplicate);
        assertFalse(duplicate.contains("s2") || duplicate.contains(given), "neither the key nor its holder: " + duplicate);
        assertTrue(Json.error(plane.admin("PUT", "/admin/subscriptions/s3", subscription("/apis", null,
                ", \"primaryKeyHash\": \"hmac-sha256:abc:def\"")).body(), 400).contains("not accepted here"));
        assertEquals("no subscription 's3'", Json.error(plane.admin("POST", "/admin/subscriptions/s3/listSecrets",
                null).body(), 404));

        answers.add(plane.admin("GET", "/admin/subscriptions/s1", null).body());
        answers.add(plane.admin("GET", "/admin/subscriptions", null).body());
        String exported = plane.admin("GET", "/admin/config", null).body();
        answers.add(exported);
        assertEquals(2, Json.field(Json.parse(exported), "subscriptions").size());
        HttpResponse<String> imported = plane.admin("PUT", "/admin/config", exported);
        assertEquals(200, imported.statusCode(), imported.body());
        answers.add(imported.body());
        assertEquals(keys, secrets("s1"), "an export imports again with the stored keys");
        assertEquals(given, Json.text(secrets("s2"), "primaryKey"));
        for (String answer : answers) {
            for (String key : List.of(primary, secondary, given)) {
                assertFalse(answer.contains(key), answer);
            }
            assertFalse(answer.contains("KeyHash"), answer);
        }

        String logged = log.text();
        plane.stop();
        for (String key : List.of(primary, secondary, given, tooShort)) {
            assertFalse(logged.contains(key), "a key in the log:\n" + logged);
            assertEquals(List.of(), FileScan.filesContaining(plane.dataDir, key, "store-key"), "a key in the store file");
        }
    }

    @Test
    void gatewaysAreServedHashesAndARegeneratedKeyReplacesItsHash() throws Exception {
        apisProductAndUser();
        assertEquals(201, plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"orders\"]}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/s1", subscription("/products/starter",
                "/users/ann", "")).statusCode());
        String token = plane.token("gw", "primary");
        JsonNode keys = secrets("s1");
        String primary = Json.text(keys, "primaryKey");
        String secondary = Json.text(keys, "secondaryKey");

        String served = configuration(token);
        assertFalse(served.contains(primary) || served.contains(secondary), served);
        JsonNode document = Json.parse(served);
        assertEquals("[\"orders\"]", Json.field(document, "products").get(0).get("apis").toString(),
                "the product narrowed to the gateway's APIs");
        assertEquals("ann", Json.text(Json.field(document, "users").get(0), "id"));
        JsonNode subscription = Json.field(document, "subscriptions").get(0);
        Json.absent(subscription, "primaryKey");
        byte[] salt = KeyHash.parse(Json.text(subscription, "primaryKeyHash")).salt();
        String primaryHash = KeyHash.of(primary, salt).text();
        String secondaryHash = KeyHash.of(secondary, salt).text();
        assertEquals(primaryHash, Json.text(subscription, "primaryKeyHash"));
        assertEquals(secondaryHash, Json.text(subscription, "secondaryKeyHash"));

        HttpResponse<String> regenerated = plane.admin("POST", "/admin/subscriptions/s1/regeneratePrimaryKey", null);
        assertEquals(204, regenerated.statusCode(), "as APIM answers");
        assertTrue(regenerated.headers().firstValue("Breakwater-Revision").isPresent());
        String newPrimary = Json.text(secrets("s1"), "primaryKey");
        assertNotEquals(primary, newPrimary);
        assertEquals(secondary, Json.text(secrets("s1"), "secondaryKey"), "the other key stays");
        served = configuration(token);
        assertFalse(served.contains(primaryHash), "the old key's hash is gone");
        subscription = Json.field(Json.parse(served), "subscriptions").get(0);
        assertEquals(KeyHash.of(newPrimary, salt).text(), Json.text(subscription, "primaryKeyHash"),
                "the new key's hash is served");
        assertEquals(secondaryHash, Json.text(subscription, "secondaryKeyHash"));

        assertEquals(204, plane.admin("POST", "/admin/subscriptions/s1/regenerateSecondaryKey", null).statusCode());
        served = configuration(token);
        assertFalse(served.contains(secondaryHash));
        assertEquals(KeyHash.of(Json.text(secrets("s1"), "secondaryKey"), salt).text(),
                Json.text(Json.field(Json.parse(served), "subscriptions").get(0), "secondaryKeyHash"));
        assertEquals("no subscription 'nope'", Json.error(plane.admin("POST",
                "/admin/subscriptions/nope/regeneratePrimaryKey", null).body(), 404));

        plane.stop();
        plane.restart();
        assertEquals(served, configuration(token), "the same salt after a restart: the same document");
    }

    @Test
    void deletingWhatSubscriptionsHangOnIsRefusedUnlessTheyGoToo() throws Exception {
        apisProductAndUser();
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/to-product", subscription("/products/starter",
                "/users/ann", "")).statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/to-orders", subscription("/apis/orders", "ann", ""))
                .statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/subscriptions/to-all", subscription("/apis", null, ""))
                .statusCode());

        HttpResponse<String> product = plane.admin("DELETE", "/admin/products/starter", null);
        assertEquals("product 'starter' has 1 subscription(s) (to-product); delete them first, or add "
                + "?deleteSubscriptions=true to delete them with it", Json.error(product.body(), 409));
        assertTrue(Json.error(plane.admin("DELETE", "/admin/apis/orders", null).body(), 409)
                .startsWith("API 'orders' has 1 subscription(s) (to-orders)"));
        assertTrue(Json.error(plane.admin("DELETE", "/admin/users/ann", null).body(), 409)
                .startsWith("user 'ann' has 2 subscription(s) (to-product, to-orders)"));

        assertEquals(204, plane.admin("DELETE", "/admin/apis/orders?deleteSubscriptions=true", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/subscriptions/to-orders", null).statusCode());
        assertEquals("[\"status\"]", Json.field(Json.parse(plane.admin("GET", "/admin/products/starter", null).body()),
                "apis").toString(), "a deleted API leaves the products that held it");
        assertEquals(204, plane.admin("DELETE", "/admin/products/starter?deleteSubscriptions=true", null).statusCode());
        assertEquals(404, plane.admin("GET", "/admin/subscriptions/to-product", null).statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/users/ann", null).statusCode(), "it owns none any more");
        assertEquals(200, plane.admin("GET", "/admin/subscriptions/to-all", null).statusCode());
        assertEquals(204, plane.admin("DELETE", "/admin/subscriptions/to-all", null).statusCode());
        assertEquals("[]", plane.admin("GET", "/admin/subscriptions", null).body());
    }

    @Test
    void whatTheGatewaysCompilerRefusesIsRefusedWithItsMessage() throws Exception {
        apisProductAndUser();
        assertEquals("products[0] 'starter'.apis: no API 'ghost' in the document", Json.error(plane.admin("PUT",
                "/admin/products/starter", "{\"apis\": [\"orders\", \"ghost\"]}").body(), 400));
        assertEquals("subscriptions[0] 's1': scope names product 'ghost', which is not in the document",
                Json.error(plane.admin("PUT", "/admin/subscriptions/s1", subscription("/products/ghost", null, ""))
                        .body(), 400));
        assertEquals("subscriptions[0] 's1': scope names API 'ghost', which is not in the document",
                Json.error(plane.admin("PUT", "/admin/subscriptions/s1", subscription("/apis/ghost", null, ""))
                        .body(), 400));
        assertEquals("subscriptions[0] 's1': ownerId names user 'bob', which is not in the document",
                Json.error(plane.admin("PUT", "/admin/subscriptions/s1", subscription("/apis", "/users/bob", ""))
                        .body(), 400));
        assertEquals("[]", plane.admin("GET", "/admin/subscriptions", null).body(), "nothing refused was stored");
    }

    private String configuration(String token) throws Exception {
        HttpResponse<String> response = plane.send("GET", "/gateway/v1/gateways/gw/configuration", null, null, token);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
