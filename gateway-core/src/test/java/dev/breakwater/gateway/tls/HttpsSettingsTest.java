package dev.breakwater.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.breakwater.gateway.settings.Setting;
import org.junit.jupiter.api.Test;

class HttpsSettingsTest {

    private static String cipherProblem(String value) {
        Setting setting = HttpsSettings.settings("server.host", false).stream()
                .filter(s -> s.name().equals(HttpsSettings.CIPHER_SUITES)).findFirst().orElseThrow();
        return setting.check().problem(value);
    }

    @Test
    void cipherSuitesTheRuntimeOffersArePassed() {
        assertNull(cipherProblem("TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertNull(cipherProblem("TLS_AES_.*"), "Jetty reads each item as a pattern");
    }

    @Test
    void unknownOrAlwaysExcludedSuitesAreRefusedByName() {
        assertEquals("lists 'TLS_NO_SUCH_SUITE', a cipher suite this Java runtime does not offer",
                cipherProblem("TLS_AES_128_GCM_SHA256,TLS_NO_SUCH_SUITE"));
        assertEquals("lists 'TLS_RSA_WITH_AES_128_GCM_SHA256', a weak cipher suite that is always excluded (RSA key "
                + "exchange, SHA-1, MD5, NULL or anonymous)", cipherProblem("TLS_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("lists 'TLS_[', which is no cipher suite name", cipherProblem("TLS_["));
    }
}
