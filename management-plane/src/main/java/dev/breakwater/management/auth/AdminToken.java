package dev.breakwater.management.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token: the {@code admin.token} setting, or else one generated on first
 * start and kept in {@code <data.dir>/admin-token}, readable by its owner only. Its location is
 * logged, never its value.
 */
public final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final String FILE_NAME = "admin-token";

    private AdminToken() {
    }

    public static String resolve(String configured, Path dataDir) throws IOException {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            LOG.info("admin token: read from {}", file.toAbsolutePath());
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        LOG.info("admin token generated and stored in {} (use it as 'Authorization: Bearer <token>')",
                file.toAbsolutePath());
        return token;
    }
}
