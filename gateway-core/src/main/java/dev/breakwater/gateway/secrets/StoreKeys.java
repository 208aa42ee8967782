package dev.breakwater.gateway.secrets;

import dev.breakwater.gateway.db.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that {@link SecretCipher} uses, as text: {@value SecretCipher#KEY_BYTES} random bytes
 * in standard base64 (what {@code openssl rand -base64 32} prints), given as a setting or kept in
 * a key file that only its owner may read.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /**
     * Decodes a key, strictly.
     *
     * @throws IllegalArgumentException when it is not {@value SecretCipher#KEY_BYTES} bytes of padded standard base64
     */
    public static byte[] decode(String text) {
        String trimmed = text.strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != SecretCipher.KEY_BYTES || !Base64.getEncoder().encodeToString(key).equals(trimmed)) {
            throw new IllegalArgumentException("must be " + SecretCipher.KEY_BYTES
                    + " random bytes in base64, as 'openssl rand -base64 32' prints them");
        }
        return key;
    }

    /**
     * Reads a key file.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it does not hold a key
     */
    public static byte[] read(Path file) throws IOException {
        return decode(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /**
     * Creates a key file with a new random key, {@code 0600}; written aside and renamed, so that
     * a crash never leaves a key file without its key. The caller holds the store's lock.
     *
     * @throws FileAlreadyExistsException when there is one already: it is never replaced
     */
    public static byte[] create(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(aside); // left by a crash, never used
        PrivateFiles.createFile(aside);
        Files.writeString(aside, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
