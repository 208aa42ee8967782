package dev.breakwater.gateway.backup;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the configuration to start from in a backup: the newest generation whose document
 * still has its hash, decrypts and compiles. Each one passed over is reported with the reason.
 */
public final class BackupRestore {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRestore.class);

    /** A restored configuration, or why there is none. */
    public record Result(ConfigSnapshot snapshot, ConfigBackup.Generation generation, String whyNone) {
    }

    private BackupRestore() {
    }

    public static Result newestValid(ConfigBackup backup, SnapshotCompiler compiler) {
        List<ConfigBackup.Generation> generations;
        try {
            generations = backup.newestFirst();
        } catch (SQLException e) {
            LOG.error("the configuration backup in {} cannot be read: {}", backup.directory(), e.getMessage());
            return new Result(null, null, "the backup in " + backup.directory() + " cannot be read: " + e.getMessage());
        }
        for (ConfigBackup.Generation generation : generations) {
            String problem = generation.problem();
            if (problem == null) {
                try {
                    return new Result(compiler.compile(generation.document(), "backup of " + generation.source()),
                            generation, null);
                } catch (ConfigException e) {
                    problem = "it does not compile: " + e.getMessage();
                }
            }
            LOG.error("backup generation {} (revision {}, saved {}) is not usable: {}; trying an older one",
                    generation.id(), generation.revision(), generation.savedAt(), problem);
        }
        String whyNone = generations.isEmpty() ? "the backup in " + backup.directory() + " is empty"
                : "no generation in the backup in " + backup.directory() + " is usable";
        return new Result(null, null, backup.setAside() == null ? whyNone : whyNone + " (" + backup.setAside() + ")");
    }

}
