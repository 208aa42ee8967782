package dev.breakwater.gateway.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    private static byte[] randomKey() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndInItsPlace() throws SecretException {
        SecretCipher cipher = new SecretCipher(randomKey());
        String sealed = cipher.seal("the secret", "gateway_keys/gw-1/primary");
        assertTrue(SecretCipher.isSealed(sealed));
        assertFalse(sealed.contains("the secret"));
        assertNotEquals(sealed, cipher.seal("the secret", "gateway_keys/gw-1/primary"), "a random IV per value");
        assertEquals("the secret", cipher.open(sealed, "gateway_keys/gw-1/primary"));
        assertThrows(SecretException.class, () -> cipher.open(sealed, "gateway_keys/gw-2/primary"),
                "a value copied to another row does not open there");
        assertThrows(SecretException.class, () -> new SecretCipher(randomKey()).open(sealed, "gateway_keys/gw-1/primary"));
        String altered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThrows(SecretException.class, () -> cipher.open(altered, "gateway_keys/gw-1/primary"));
        assertThrows(SecretException.class, () -> cipher.open("plain text", "x"));
    }

    @Test
    void sealedBytesOpenOnlyWithTheirKeyAndInTheirPlace() throws SecretException {
        SecretCipher cipher = new SecretCipher(randomKey());
        byte[] plain = "{\"namedValues\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = cipher.sealBytes(plain, "generations/4");
        assertTrue(SecretCipher.isSealed(sealed));
        assertFalse(SecretCipher.isSealed(plain));
        assertArrayEquals(plain, cipher.openBytes(sealed, "generations/4"));
        assertThrows(SecretException.class, () -> cipher.openBytes(sealed, "generations/5"));
        assertThrows(SecretException.class, () -> new SecretCipher(randomKey()).openBytes(sealed, "generations/4"));
        assertThrows(SecretException.class, () -> cipher.openBytes(plain, "generations/4"));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(SecretException.class, () -> cipher.openBytes(altered, "generations/4"));
    }

    @Test
    void keysAreDecodedStrictly() {
        byte[] key = randomKey();
        String text = Base64.getEncoder().encodeToString(key);
        assertArrayEquals(key, StoreKeys.decode(text + "\n"));
        assertThrows(IllegalArgumentException.class, () -> StoreKeys.decode(text.replace("=", "")), "unpadded");
        assertThrows(IllegalArgumentException.class, () -> StoreKeys.decode(Base64.getEncoder().encodeToString(new byte[16])),
                "too short");
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class, () -> StoreKeys.decode("secret"));
        assertTrue(notBase64.getMessage().contains("openssl rand -base64 32"), notBase64.getMessage());
    }

    @Test
    void aKeyFileIsCreatedOwnerOnlyAndNeverReplaced() throws Exception {
        Path file = dir.resolve("store-key");
        byte[] key = StoreKeys.create(file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertArrayEquals(key, StoreKeys.read(file));
        assertThrows(FileAlreadyExistsException.class, () -> StoreKeys.create(file));
        assertArrayEquals(key, StoreKeys.read(file), "the existing key stays");
        assertFalse(Files.exists(dir.resolve("store-key.new")));
    }
}
