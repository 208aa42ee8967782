package dev.breakwater.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backup.GatewayStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 files (the gateway's backup and its key among them) are readable by their owner only, whatever the umask. */
class PrivateFilesTest {

    private static final String OWNER_DIRECTORY = "rwx------";
    private static final String OWNER_FILE = "rw-------";

    @TempDir
    Path dir;

    @Test
    void theBackupDirectoryIsCreated0700AndItsFiles0600() throws Exception {
        Path backup = dir.resolve("var").resolve("backup");
        try (GatewayStore.Opened store = GatewayStore.open(backup, null, Clock.systemUTC())) {
            store.database().inTransaction(connection -> connection.createStatement().execute("SELECT 1"));
        }
        assertEquals(OWNER_DIRECTORY, permissions(dir.resolve("var")), "missing parents too");
        assertEquals(OWNER_DIRECTORY, permissions(backup));
        List<Path> files = list(backup);
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().endsWith(".mv.db")), files.toString());
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().equals("backup-key")), files.toString());
        for (Path file : files) {
            assertEquals(OWNER_FILE, permissions(file), file.toString());
        }
    }

    @Test
    void aFileAnEarlierVersionCreatedWorldReadableIsRestrictedAtOpen() throws Exception {
        try (H2Database database = H2Database.open(dir, "old")) {
            database.inTransaction(connection -> connection.createStatement().execute("CREATE TABLE t (x INT)"));
        }
        Path file = dir.resolve("old.mv.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (H2Database database = H2Database.open(dir, "old")) {
            assertEquals(OWNER_FILE, permissions(file));
            database.closeCompacted();
        }
        assertEquals(OWNER_FILE, permissions(file), "a compacted file, written anew, is restricted too");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
