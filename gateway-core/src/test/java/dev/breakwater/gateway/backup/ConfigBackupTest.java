package dev.breakwater.gateway.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.breakwater.gateway.db.H2Database;
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

    private static void save(ConfigBackup backup, long revision) throws Exception {
        byte[] document = document(revision);
        backup.save(revision, SnapshotCompiler.sha256(document), document, "test");
    }

    @Test
    void keepsTheNewestGenerationsAcrossAReopen() throws Exception {
        try (H2Database database = GatewayStore.open(dir, Clock.systemUTC())) {
            ConfigBackup backup = new ConfigBackup(database, 3, Clock.systemUTC());
            for (long revision = 1; revision <= 7; revision++) {
                save(backup, revision);
            }
        }
        try (H2Database database = GatewayStore.open(dir, Clock.systemUTC())) {
            ConfigBackup backup = new ConfigBackup(database, 3, Clock.systemUTC());
            List<ConfigBackup.Generation> generations = backup.newestFirst();
            assertEquals(List.of(7L, 6L, 5L), generations.stream().map(ConfigBackup.Generation::revision).toList());
            assertArrayEquals(document(7), generations.get(0).document(), "the exact bytes");
            assertEquals(7, BackupRestore.newestValid(backup, compiler).snapshot().revision());
        }
    }

    @Test
    void aGenerationWhoseDocumentNoLongerMatchesItsHashIsPassedOver() throws Exception {
        try (H2Database database = GatewayStore.open(dir, Clock.systemUTC())) {
            ConfigBackup backup = new ConfigBackup(database, 5, Clock.systemUTC());
            save(backup, 1);
            backup.save(2, SnapshotCompiler.sha256(document(2)), document(3), "test"); // hash of another document
            BackupRestore.Result result = BackupRestore.newestValid(backup, compiler);
            assertEquals(1, result.snapshot().revision());
        }
    }

    @Test
    void anEmptyBackupSaysSo() throws Exception {
        try (H2Database database = GatewayStore.open(dir, Clock.systemUTC())) {
            ConfigBackup backup = new ConfigBackup(database, 5, Clock.systemUTC());
            BackupRestore.Result result = BackupRestore.newestValid(backup, compiler);
            assertNull(result.snapshot());
            assertEquals("the backup in " + dir.toAbsolutePath() + " is empty", result.whyNone());
        }
    }
}
