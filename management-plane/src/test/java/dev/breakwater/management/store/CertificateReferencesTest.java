package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateReferencesTest {

    private static final String THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567";

    private static CertificateReferences.Used scan(String... policies) {
        return CertificateReferences.of(Arrays.asList(policies));
    }

    @Test
    void constantIdsAndThumbprintsAreFoundWhateverTheQuotesSpacesAndCase() {
        CertificateReferences.Used used = scan("<policies><inbound><authentication-certificate certificate-id=\"orders\"/>"
                + "<choose><when condition=\"@(1 > 0)\"><authentication-certificate\n   thumbprint = '"
                + THUMBPRINT.toLowerCase() + "' ></authentication-certificate></when></choose></inbound></policies>",
                null, "<policies><inbound><authentication-certificate-other x=\"y\"/><authentication-certificate "
                        + "body=\"@(new byte[0])\" password=\"p\"/></inbound></policies>");
        assertFalse(used.all());
        assertEquals(Set.of("orders"), used.ids());
        assertEquals(Set.of(THUMBPRINT), used.thumbprints());
        assertTrue(used.uses("orders", null));
        assertTrue(used.uses("renamed", THUMBPRINT));
        assertFalse(used.uses("billing", "FF"));
    }

    @Test
    void validateJwtKeysNamingACertificateAreReferencesToo() {
        CertificateReferences.Used used = scan("<policies><inbound><validate-jwt header-name=\"Authorization\">"
                + "<issuer-signing-keys><key certificate-id=\"signer\"/><key>c2VjcmV0</key></issuer-signing-keys>"
                + "<decryption-keys><key certificate-id='sealer' id=\"k1\"/></decryption-keys></validate-jwt>"
                + "<cache-lookup-value key=\"x\" variable-name=\"v\"/></inbound></policies>");
        assertFalse(used.all());
        assertEquals(Set.of("signer", "sealer"), used.ids());
        assertTrue(scan("<decryption-keys><key certificate-id=\"{{sealer-id}}\"/></decryption-keys>").all());
    }

    @Test
    void aReferenceKnownOnlyLaterNeedsEveryCertificate() {
        assertTrue(scan("<authentication-certificate certificate-id=\"@(context.Variables[&quot;c&quot;])\"/>").all());
        assertTrue(scan("<authentication-certificate thumbprint=\"{{client-thumbprint}}\"/>").all());
        assertTrue(scan("<authentication-certificate certificate-id=orders/>").all(), "unquoted: not read here");
        assertTrue(scan("<authentication-certificate certificate-id=\"@(a > b ? &quot;x&quot; : &quot;y&quot;)\"/>")
                .all());
        assertFalse(scan("<policies/>").all());
        assertTrue(scan("<policies/>").uses("x", null) == false);
    }
}
