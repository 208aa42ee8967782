package dev.breakwater.gateway.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files only their owner may read: directories created {@code 0700}, files {@code 0600},
 * whatever the process's umask (H2 and {@code Files.createFile} would otherwise create them
 * {@code 0644}, readable by every local user). On a file system without POSIX permissions
 * (Windows) the files are created as the system does by default.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the directory and any missing parents, each {@code 0700}; existing ones are left as they are. */
    public static void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path at = directory.toAbsolutePath().normalize(); at != null && !Files.exists(at); at = at.getParent()) {
            missing.push(at);
        }
        for (Path create : missing) {
            try {
                Files.createDirectory(create, attribute(create, DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created meanwhile by another process: as good
            }
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + " is not a directory");
        }
    }

    /**
     * Creates an empty file that only its owner may read and write.
     *
     * @throws java.nio.file.FileAlreadyExistsException when it exists
     */
    public static void createFile(Path file) throws IOException {
        Files.createFile(file, attribute(file, FILE));
    }

    /** Makes an existing file {@code 0600}; nothing when it does not exist. */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file) && isPosix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Whether anyone but the owner may enter or read the directory (where the owner chose so, it is left). */
    public static boolean openToOthers(Path directory) throws IOException {
        if (!isPosix(directory)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        return permissions.stream().anyMatch(permission -> !DIRECTORY.contains(permission));
    }

    private static FileAttribute<?>[] attribute(Path path, Set<PosixFilePermission> permissions) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
