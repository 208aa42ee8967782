package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.FileScan;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's backup at rest, with a real management plane serving a secret named value to a
 * real gateway: no backup file shows it, a gateway without its management plane starts from
 * the encrypted backup, and a missing or different key keeps the backup aside with what to do.
 */
class BackupAtRestIT {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String SECRET = "backend-api-key-2b7e91";

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;
    TestBackend backend;
    Path backup;
    String token;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
        backend = new TestBackend();
        backup = dir.resolve("backup");
        plane.admin("PUT", "/admin/namedValues/backend-key", "{\"value\": \"" + SECRET + "\", \"secret\": true}");
        // referenced from a comment: today's compiler refuses {{...}} in values, the management plane's scan serves it
        plane.admin("PUT", "/admin/apis/echo", "{\"path\": \"echo\", \"serviceUrl\": \"" + backend.url() + "\", "
                + "\"subscriptionRequired\": false, \"policy\": \"<policies><inbound><base/><!-- {{backend-key}} -->"
                + "<set-header name=\\\"X-Version\\\"><value>one</value></set-header></inbound></policies>\"}");
        plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"echo\"]}");
        token = plane.token("gw", "primary");
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        backend.close();
    }

    private ManagedGateway gateway(String endpoint, Map<String, String> extra) throws Exception {
        return new ManagedGateway(endpoint, "gw", token, backup, extra);
    }

    /** Runs a gateway against the management plane until it serves (and so has backed up) the configuration. */
    private void fillBackup(Map<String, String> extra) throws Exception {
        try (ManagedGateway gateway = gateway(plane.url(), extra)) {
            gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200, BOUND);
            assertEquals(3, Json.integer(Json.parse(gateway.status()), "backupRevision"));
        }
    }

    /** Starts a gateway that cannot reach its management plane, and checks it serves the backed-up revision. */
    private void assertServesFromBackup(Map<String, String> extra) throws Exception {
        try (ManagedGateway gateway = gateway(unreachable(), extra)) {
            HttpResponse<String> response = gateway.get("/echo/x");
            assertEquals(200, response.statusCode());
            assertEquals("one", Echo.parse(response.body()).firstHeader("X-Version"));
            Json.recentInstant(Json.parse(gateway.status()), "servingFromBackupSince", Duration.ofMinutes(1));
        }
    }

    @Test
    void aSyncedSecretIsInNoBackupFileAndTheGatewayStartsFromTheEncryptedBackup() throws Exception {
        HttpResponse<String> served = plane.send("GET", "/gateway/v1/gateways/gw/configuration", null, null, token);
        assertEquals(SECRET, Json.text(Json.field(Json.parse(served.body()), "namedValues").get(0), "value"),
                "the gateway is served the secret");
        fillBackup(Map.of());
        assertEquals(List.of(), FileScan.filesContaining(backup, SECRET));
        assertEquals(List.of(), FileScan.filesContaining(backup, "X-Version"), "nor any of the document");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("backup-key"))));
        assertServesFromBackup(Map.of());
    }

    @Test
    void aMissingKeyFileKeepsTheBackupAsideAndTheMessageSaysHowToGetItBack() throws Exception {
        fillBackup(Map.of());
        Path keyFile = backup.resolve("backup-key");
        Path savedKey = Files.move(keyFile, dir.resolve("backup-key.saved"));
        ConfigException refused = assertThrows(ConfigException.class, () -> gateway(unreachable(),
                Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s")));
        String message = refused.getMessage();
        Path aside = setAside();
        assertTrue(message.contains("the previous backup was set aside as " + aside + " because its key file "
                + keyFile + " is missing; to use it again, stop the gateway, put the original backup-key back in "
                + backup + " and rename " + aside.getFileName() + " to config-backup.mv.db"), message);

        Files.move(savedKey, keyFile, StandardCopyOption.REPLACE_EXISTING);
        Files.move(aside, backup.resolve("config-backup.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        assertServesFromBackup(Map.of());
    }

    @Test
    void aKeyGivenAsASettingIsUsedAndAnotherOneIsNamedInTheMessage() throws Exception {
        String key = randomKey();
        fillBackup(Map.of(GatewaySettings.BACKUP_KEY, key));
        assertFalse(Files.exists(backup.resolve("backup-key")), "a key given as a setting is written nowhere");
        assertEquals(List.of(), FileScan.filesContaining(backup, SECRET));

        String other = randomKey();
        ConfigException refused = assertThrows(ConfigException.class, () -> gateway(unreachable(),
                Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s", GatewaySettings.BACKUP_KEY, other)));
        String message = refused.getMessage();
        assertTrue(message.contains("because the key from the setting config.backup.encryption.key is not the key it "
                + "was encrypted with; to use it again, stop the gateway, set config.backup.encryption.key to the "
                + "original key"), message);
        assertFalse(message.contains(key) || message.contains(other), "no key is ever shown");

        Files.move(setAside(), backup.resolve("config-backup.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        assertServesFromBackup(Map.of(GatewaySettings.BACKUP_KEY, key));
    }

    @Test
    void aPlainBackupOfAnEarlierVersionIsEncryptedAtStartAndStillServed() throws Exception {
        byte[] document = plane.send("GET", "/gateway/v1/gateways/gw/configuration", null, null, token).body()
                .getBytes(StandardCharsets.UTF_8);
        try (H2Database database = H2Database.open(backup, "config-backup")) {
            new SchemaMigrator("sql/gateway", List.of("V1__backup.sql", "V2__telemetry_spool.sql")).migrate(database);
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generations "
                        + "(revision, sha256, document, source, saved_at) VALUES (3, ?, ?, 'management plane', ?)")) {
                    insert.setString(1, SnapshotCompiler.sha256(document));
                    insert.setBytes(2, document);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            });
        }
        assertEquals(1, FileScan.filesContaining(backup, SECRET).size(), "the earlier version kept it in plain text");
        assertServesFromBackup(Map.of());
        assertEquals(List.of(), FileScan.filesContaining(backup, SECRET), "encrypted, and no plain copy left");
    }

    private Path setAside() throws Exception {
        try (Stream<Path> files = Files.list(backup)) {
            List<Path> aside = files.filter(file -> file.getFileName().toString()
                    .startsWith("config-backup.mv.db.other-key-")).toList();
            assertEquals(1, aside.size(), aside.toString());
            return aside.get(0);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
