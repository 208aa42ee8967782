package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.StoreKeys;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.management.auth.GatewayTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store at rest: files only their owner may read, gateway keys not readable in the
 * database file (not even the plain copies an earlier version left), and a key that is
 * missing or wrong stops the start instead of replacing the keys and every token with them.
 */
class KeysAtRestIT {

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("state").resolve("data");
    }

    private ManagementPlane start(Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(ManagementSettings.HTTP_PORT, "0",
                ManagementSettings.HTTP_HOST, "127.0.0.1", ManagementSettings.DATA_DIR, data().toString(),
                ManagementSettings.ADMIN_TOKEN, ManagementPlaneFixture.ADMIN_TOKEN));
        values.putAll(extra);
        return ManagementPlane.start(Settings.resolve(ManagementSettings.ALL, Map.of(), Map.of(), Map.of(), values));
    }

    @Test
    void theStoreIsOwnerOnlyAndItsFileHoldsNoGatewayKey() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(data())) {
            plane.admin("PUT", "/admin/gateways/gw-1", "{}");
            plane.admin("POST", "/admin/gateways/gw-1/keys/secondary/regenerate", null);
        }
        assertEquals("rwx------", permissions(data()));
        assertEquals("rwx------", permissions(data().getParent()), "missing parents are created 0700 too");
        for (Path file : files(data())) {
            assertEquals("rw-------", permissions(file), file.toString());
        }
        Map<String, String> keys = decryptedKeys("gw-1");
        assertEquals(2, keys.size());
        for (String key : keys.values()) {
            assertFalse(anyFileContains(key.substring(0, 24).getBytes(StandardCharsets.US_ASCII)), "key text in a file");
            assertFalse(anyFileContains(Arrays.copyOf(Base64.getDecoder().decode(key), 24)), "key bytes in a file");
        }
        try (ManagementPlane plane = start(Map.of())) {
            String forged = new GatewayTokens(Clock.systemUTC()).sign("gw-1", keys.get("primary"),
                    Instant.now().plus(Duration.ofDays(1)));
            assertEquals(200, configuration(plane, "gw-1", forged).status(),
                    "the decrypted keys are the gateway's keys: with the key file, and only with it, one can sign");
        }
    }

    @Test
    void plainKeysOfAnEarlierVersionAreEncryptedAtStartAndTheirTokensStillWork() throws Exception {
        String primary = GatewayTokens.newKey();
        String secondary = GatewayTokens.newKey();
        storeOfAnEarlierVersion("gw-old", primary, secondary);
        byte[] plain = primary.substring(0, 24).getBytes(StandardCharsets.US_ASCII);
        assertTrue(anyFileContains(plain), "the earlier version's file holds the key in plain text");
        String token = new GatewayTokens(Clock.systemUTC()).sign("gw-old", primary, Instant.now().plus(Duration.ofDays(1)));

        try (ManagementPlane plane = start(Map.of())) {
            assertEquals(200, configuration(plane, "gw-old", token).status(), "tokens signed before go on working");
        }
        assertFalse(anyFileContains(plain), "no copy of the plain key is left in the file");
        assertEquals(Map.of("primary", primary, "secondary", secondary), decryptedKeys("gw-old"));
        assertEquals("rw-------", permissions(data().resolve("management.mv.db")), "restricted after compaction");
    }

    @Test
    void aMissingOrDifferentStoreKeyStopsTheStartAndChangesNothing() throws Exception {
        String token;
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(data())) {
            plane.admin("PUT", "/admin/gateways/gw-1", "{}");
            token = plane.token("gw-1", "primary");
        }
        Path keyFile = data().resolve("store-key");
        Path aside = dir.resolve("store-key.saved");
        Files.move(keyFile, aside);

        String missing = assertThrows(SettingsException.class, () -> start(Map.of())).getMessage();
        assertTrue(missing.contains("the store key file " + keyFile.toAbsolutePath() + " is missing"), missing);
        assertTrue(missing.contains("restore it"), missing);
        assertFalse(Files.exists(keyFile), "no new key was made");

        byte[] other = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(other);
        String different = assertThrows(SettingsException.class, () -> start(
                Map.of(ManagementSettings.STORE_KEY, Base64.getEncoder().encodeToString(other)))).getMessage();
        assertTrue(different.contains("is not the key the secrets in"), different);
        assertFalse(different.contains(Base64.getEncoder().encodeToString(other)), "the key is never shown");

        Files.writeString(keyFile, "not a key\n");
        String garbled = assertThrows(SettingsException.class, () -> start(Map.of())).getMessage();
        assertTrue(garbled.contains(keyFile.toAbsolutePath() + " does not hold a key"), garbled);

        Files.move(aside, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (ManagementPlane plane = start(Map.of())) {
            assertEquals(200, configuration(plane, "gw-1", token).status(), "with the key back, every token works");
        }
        String keyText = Files.readString(keyFile).strip();
        Files.delete(keyFile);
        try (ManagementPlane plane = start(Map.of(ManagementSettings.STORE_KEY, keyText))) {
            assertEquals(200, configuration(plane, "gw-1", token).status(), "or with the key given as a setting");
        }
        assertFalse(Files.exists(keyFile), "a key given as a setting is not written to a file");
    }

    @Test
    void anEmptyOrUnreadableAdminTokenFileStopsTheStart() throws Exception {
        Map<String, String> generated = new HashMap<>(Map.of(ManagementSettings.HTTP_PORT, "0",
                ManagementSettings.HTTP_HOST, "127.0.0.1", ManagementSettings.DATA_DIR, data().toString()));
        Settings settings = Settings.resolve(ManagementSettings.ALL, Map.of(), Map.of(), Map.of(), generated);
        try (ManagementPlane plane = ManagementPlane.start(settings)) {
            assertEquals("rw-------", permissions(data().resolve("admin-token")));
        }
        Path tokenFile = data().resolve("admin-token").toAbsolutePath();
        Files.writeString(tokenFile, "  \n");
        String empty = assertThrows(SettingsException.class, () -> ManagementPlane.start(settings)).getMessage();
        assertTrue(empty.contains("the admin token file " + tokenFile + " is empty; delete it"), empty);

        Files.delete(tokenFile);
        Files.createDirectory(tokenFile);
        String unreadable = assertThrows(SettingsException.class, () -> ManagementPlane.start(settings)).getMessage();
        assertTrue(unreadable.contains("cannot read the admin token file " + tokenFile), unreadable);
    }

    private static RawHttp.Answer configuration(ManagementPlane plane, String gatewayId, String token) throws Exception {
        return RawHttp.send(plane.port(), "GET", "/gateway/v1/gateways/" + gatewayId + "/configuration",
                Map.of("Authorization", token), null);
    }

    /** What an earlier version left: schema 2, a gateway, and its keys in plain text. */
    private void storeOfAnEarlierVersion(String gatewayId, String primary, String secondary) throws Exception {
        try (H2Database database = H2Database.open(data(), "management")) {
            new SchemaMigrator("sql/management", List.of("V1__initial.sql", "V2__telemetry.sql")).migrate(database);
            String document = "{\"revision\":1,\"gateways\":[{\"id\":\"" + gatewayId + "\",\"apis\":[]}]}";
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO config_revisions "
                        + "(revision, document, sha256, created_at) VALUES (1, ?, 'x', ?)")) {
                    insert.setString(1, document);
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO gateway_keys (gateway_id, primary_key, secondary_key) VALUES (?, ?, ?)")) {
                    insert.setString(1, gatewayId);
                    insert.setString(2, primary);
                    insert.setString(3, secondary);
                    insert.executeUpdate();
                }
            });
        }
    }

    /** The keys as the store holds them, opened with the key file: what only the key file's owner can do. */
    private Map<String, String> decryptedKeys(String gatewayId) throws Exception {
        SecretCipher cipher = new SecretCipher(StoreKeys.read(data().resolve("store-key")));
        Map<String, String> keys = new HashMap<>();
        try (H2Database database = H2Database.open(data(), "management");
             Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT primary_key, secondary_key FROM gateway_keys WHERE gateway_id = ?")) {
            select.setString(1, gatewayId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertTrue(SecretCipher.isSealed(row.getString(1)) && SecretCipher.isSealed(row.getString(2)));
                keys.put("primary", cipher.open(row.getString(1), "gateway_keys/" + gatewayId + "/primary"));
                keys.put("secondary", cipher.open(row.getString(2), "gateway_keys/" + gatewayId + "/secondary"));
            }
        }
        return keys;
    }

    /** Like {@code strings} on every file of data.dir except the key file: are these bytes anywhere? */
    private boolean anyFileContains(byte[] needle) throws Exception {
        for (Path file : files(data())) {
            if (!file.getFileName().toString().equals("store-key") && indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
