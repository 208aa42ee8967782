package dev.breakwater.management.auth;

import dev.breakwater.gateway.db.PrivateFiles;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.management.ManagementSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token: the {@code admin.token} setting, or else one generated on first
 * start and kept in {@code <data.dir>/admin-token}, readable by its owner only ({@code 0600}).
 * A token file that is empty or cannot be read stops the start: an empty token must never be
 * the admin API's password. Its location is logged, never its value.
 */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";
    private static final int MIN_LENGTH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private AdminToken() {
    }

    /** What makes a token unfit, or {@code null}: at least 16 characters, none of them blank or control. */
    public static String problem(String token) {
        if (token.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "must not contain spaces or control characters";
        }
        return null;
    }

    /** The configured token, or the token file's, or a new one written to the token file. */
    public static String resolve(String configured, Path dataDir) throws SettingsException, IOException {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            PrivateFiles.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        LOG.info("admin token generated and stored in {} (use it as 'Authorization: Bearer <token>')", file);
        return token;
    }

    private static String read(Path file) throws SettingsException, IOException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SettingsException("cannot read the admin token file " + file + " (" + e.getMessage()
                    + "); make it a file readable by this user, or set " + ManagementSettings.ADMIN_TOKEN);
        }
        if (token.isEmpty()) {
            throw new SettingsException("the admin token file " + file + " is empty; delete it to have a new token "
                    + "generated at the next start, write the token into it, or set " + ManagementSettings.ADMIN_TOKEN);
        }
        String problem = problem(token);
        if (problem != null) {
            throw new SettingsException("the token in the admin token file " + file + " " + problem
                    + "; delete the file to have a new one generated, or set " + ManagementSettings.ADMIN_TOKEN);
        }
        PrivateFiles.restrict(file);
        LOG.info("admin token: read from {}", file);
        return token;
    }
}
