package dev.breakwater.gateway.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup on a real H2 file: generations kept, newest first, restored only when intact. */
class ConfigBackupTest {

    @TempDir
    Path dir;
    private final SnapshotCompiler compiler = new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC());

    private static byte[] document(long revision) {
        return ("{\"revision\": " + revision + "}").getBytes(StandardCharsets.UTF_8);
    }

    private GatewayStore.Opened open() throws Exception {
        return GatewayStore.open(dir, null, Clock.systemUTC());
    }

    @Test
    void keepsTheNewestGenerationsAcrossAReopen() throws Exception {
        try (GatewayStore.Opened store = open()) {
            ConfigBackup backup = new ConfigBackup(store, 3, Clock.systemUTC());
            for (long revision = 1; revision <= 7; revision++) {
                backup.save(revision, document(revision), "test");
            }
        }
        try (GatewayStore.Opened store = open()) {
            ConfigBackup backup = new ConfigBackup(store, 3, Clock.systemUTC());
            List<ConfigBackup.Generation> generations = backup.newestFirst();
            assertEquals(List.of(7L, 6L, 5L), generations.stream().map(ConfigBackup.Generation::revision).toList());
            assertArrayEquals(document(7), generations.get(0).document(), "the exact bytes");
            assertEquals(7, BackupRestore.newestValid(backup, compiler).snapshot().revision());
        }
    }

    @Test
    void aGenerationWhoseStoredDocumentWasAlteredIsPassedOver() throws Exception {
        try (GatewayStore.Opened store = open()) {
            ConfigBackup backup = new ConfigBackup(store, 5, Clock.systemUTC());
            backup.save(1, document(1), "test");
            backup.save(2, document(2), "test");
            backup.save(3, document(3), "test");
            store.database().inTransaction(connection -> {
                // a flipped byte, hash kept: the hash check finds it
                connection.createStatement().executeUpdate("UPDATE generations SET document = "
                        + "CONCAT(document, X'00') WHERE revision = 3");
                // the stored bytes of revision 1 copied to revision 2, with their hash: the revision is the associated data
                connection.createStatement().executeUpdate("UPDATE generations SET (document, sha256) = "
                        + "(SELECT document, sha256 FROM generations WHERE revision = 1) WHERE revision = 2");
            });
            List<ConfigBackup.Generation> generations = backup.newestFirst();
            assertEquals("its document does not match its hash", generations.get(0).problem());
            assertTrue(generations.get(1).problem().startsWith("it cannot be decrypted with the backup key"),
                    generations.get(1).problem());
            assertNull(generations.get(2).problem());
            assertEquals(1, BackupRestore.newestValid(backup, compiler).snapshot().revision());
        }
    }

    @Test
    void anEmptyBackupSaysSo() throws Exception {
        try (GatewayStore.Opened store = open()) {
            ConfigBackup backup = new ConfigBackup(store, 5, Clock.systemUTC());
            BackupRestore.Result result = BackupRestore.newestValid(backup, compiler);
            assertNull(result.snapshot());
            assertEquals("the backup in " + dir.toAbsolutePath() + " is empty", result.whyNone());
        }
    }
}
