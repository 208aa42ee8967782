package dev.breakwater.gateway.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.FileScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup at rest, on real H2 files: documents encrypted with a key kept outside the
 * database, plain documents of an earlier version encrypted and compacted away, and a missing
 * or different key setting the backup aside, intact, with what to do.
 */
class BackupEncryptionTest {

    private static final String SECRET = "named-value-secret-5f1c9a";
    private static final byte[] DOCUMENT = ("{\"revision\": 4, \"namedValues\": [{\"id\": \"k\", \"value\": \"" + SECRET
            + "\", \"secret\": true}]}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();

    private GatewayStore.Opened open(byte[] key) throws Exception {
        return GatewayStore.open(dir, key, clock);
    }

    private void saveDocument(byte[] key) throws Exception {
        try (GatewayStore.Opened store = open(key)) {
            new ConfigBackup(store, 5, clock).save(4, DOCUMENT, "test");
        }
    }

    private byte[] newestDocument(byte[] key) throws Exception {
        try (GatewayStore.Opened store = open(key)) {
            assertNull(store.setAside(), "nothing set aside");
            ConfigBackup.Generation newest = new ConfigBackup(store, 5, clock).newestFirst().get(0);
            assertNull(newest.problem());
            return newest.document();
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aDocumentIsStoredEncryptedWithAKeyFileBesideTheDatabase() throws Exception {
        saveDocument(null);
        assertEquals(List.of(), FileScan.filesContaining(dir, SECRET), "the secret is in no file");
        assertEquals(List.of(), FileScan.filesContaining(dir, "namedValues"), "nor any of the document");
        Path keyFile = dir.resolve(BackupKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertArrayEquals(DOCUMENT, newestDocument(null), "the same key file opens it again");
    }

    @Test
    void aKeyGivenAsASettingIsNeverWrittenToAFile() throws Exception {
        byte[] key = randomKey();
        saveDocument(key);
        assertFalse(Files.exists(dir.resolve(BackupKey.FILE)));
        assertEquals(List.of(), FileScan.filesContaining(dir, SECRET));
        assertArrayEquals(DOCUMENT, newestDocument(key));
    }

    @Test
    void plainDocumentsOfAnEarlierVersionAreEncryptedAtOpenAndNoPlainCopyStays() throws Exception {
        try (H2Database database = H2Database.open(dir, GatewayStore.NAME)) {
            new SchemaMigrator("sql/gateway", List.of("V1__backup.sql", "V2__telemetry_spool.sql")).migrate(database);
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO generations "
                        + "(revision, sha256, document, source, saved_at) VALUES (4, ?, ?, 'earlier', ?)")) {
                    insert.setString(1, SnapshotCompiler.sha256(DOCUMENT));
                    insert.setBytes(2, DOCUMENT);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            });
        }
        assertEquals(1, FileScan.filesContaining(dir, SECRET).size(), "the earlier version's file shows the secret");

        assertArrayEquals(DOCUMENT, newestDocument(null), "still readable, now encrypted");
        assertEquals(List.of(), FileScan.filesContaining(dir, SECRET, BackupKey.FILE), "no plain copy is left");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(GatewayStore.NAME + ".mv.db"))), "restricted after compaction");
    }

    @Test
    void aMissingKeyFileSetsTheBackupAsideIntactAndSaysHowToGetItBack() throws Exception {
        saveDocument(null);
        Path keyFile = dir.resolve(BackupKey.FILE);
        Path savedKey = Files.move(keyFile, dir.getParent().resolve(dir.getFileName() + "-key.saved"));

        Path aside;
        try (GatewayStore.Opened store = open(null)) {
            String setAside = store.setAside();
            assertTrue(setAside.contains("because its key file " + keyFile.toAbsolutePath() + " is missing"), setAside);
            assertTrue(setAside.contains("put the original backup-key back in " + dir), setAside);
            aside = only(GatewayStore.NAME + ".mv.db.other-key-");
            assertTrue(setAside.contains("rename " + aside.getFileName() + " to config-backup.mv.db"), setAside);
            assertEquals(List.of(), new ConfigBackup(store, 5, clock).newestFirst(), "a new, empty backup");
            assertTrue(Files.exists(keyFile), "with a new key");
        }
        // what the message says to do: the set-aside file is the backup, intact
        Files.move(savedKey, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(aside, dir.resolve(GatewayStore.NAME + ".mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(DOCUMENT, newestDocument(null));
    }

    @Test
    void aDifferentKeySettingSetsTheBackupAsideAndNamesTheSetting() throws Exception {
        byte[] key = randomKey();
        saveDocument(key);
        try (GatewayStore.Opened store = open(randomKey())) {
            String setAside = store.setAside();
            assertTrue(setAside.contains("because the key from the setting config.backup.encryption.key is not the key "
                    + "it was encrypted with"), setAside);
            assertTrue(setAside.contains("set config.backup.encryption.key to the original key"), setAside);
            assertFalse(setAside.contains(Base64.getEncoder().encodeToString(key)), "no key in the message");
        }
        Path aside = only(GatewayStore.NAME + ".mv.db.other-key-");
        Files.move(aside, dir.resolve(GatewayStore.NAME + ".mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(DOCUMENT, newestDocument(key), "the original key opens it");
    }

    @Test
    void anUnreadableKeyFileStopsTheOpeningAndMovesNothing() throws Exception {
        saveDocument(null);
        Files.writeString(dir.resolve(BackupKey.FILE), "not a key\n");
        SettingsException refused = assertThrows(SettingsException.class, () -> open(null));
        assertTrue(refused.getMessage().contains("the backup key file " + dir.resolve(BackupKey.FILE).toAbsolutePath()
                + " does not hold a key"), refused.getMessage());
        assertTrue(Files.exists(dir.resolve(GatewayStore.NAME + ".mv.db")));
        SettingsException setting = assertThrows(SettingsException.class, () -> BackupKey.fromSetting("secret"));
        assertTrue(setting.getMessage().startsWith("setting 'config.backup.encryption.key' must be 32 random bytes"),
                setting.getMessage());
    }

    private Path only(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, matching.size(), matching.toString());
            return matching.get(0);
        }
    }
}
