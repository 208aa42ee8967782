package dev.breakwater.management.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GatewayTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final GatewayTokens tokens = new GatewayTokens(Clock.fixed(NOW, ZoneOffset.UTC));
    private final String primary = GatewayTokens.newKey();
    private final String secondary = GatewayTokens.newKey();

    @Test
    void tokenHasTheAnchorFormatAndVerifiesWithEitherKey() {
        String token = tokens.sign("gw-1", primary, NOW.plus(Duration.ofDays(1)));
        assertTrue(token.startsWith("GatewayKey gw-1&202611291200&"), token);
        assertEquals(GatewayTokens.Verdict.VALID, tokens.verify(token, "gw-1", primary, secondary));
        String bySecondary = tokens.sign("gw-1", secondary, NOW.plus(Duration.ofDays(1)));
        assertEquals(GatewayTokens.Verdict.VALID, tokens.verify(bySecondary, "gw-1", primary, secondary));
    }

    @Test
    void expiredTokenIsRefused() {
        String token = tokens.sign("gw-1", primary, NOW.plus(Duration.ofMinutes(5)));
        GatewayTokens later = new GatewayTokens(Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertEquals(GatewayTokens.Verdict.EXPIRED, later.verify(token, "gw-1", primary, secondary));
    }

    @Test
    void forgedTamperedOrForeignTokensAreRefused() {
        String token = tokens.sign("gw-1", primary, NOW.plus(Duration.ofDays(1)));
        String otherKey = tokens.sign("gw-1", GatewayTokens.newKey(), NOW.plus(Duration.ofDays(1)));
        assertEquals(GatewayTokens.Verdict.INVALID_SIGNATURE, tokens.verify(otherKey, "gw-1", primary, secondary));
        String longer = token.replace("&202611291200&", "&202612281200&");
        assertEquals(GatewayTokens.Verdict.INVALID_SIGNATURE, tokens.verify(longer, "gw-1", primary, secondary),
                "a changed expiry breaks the signature");
        String forOther = tokens.sign("gw-2", primary, NOW.plus(Duration.ofDays(1)));
        assertEquals(GatewayTokens.Verdict.WRONG_GATEWAY, tokens.verify(forOther, "gw-1", primary, secondary));
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify("Bearer x", "gw-1", primary, secondary));
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify("GatewayKey gw-1&nope&abc", "gw-1", primary, secondary));
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify(null, "gw-1", primary, secondary));
    }

    @Test
    void regeneratingAKeyInvalidatesItsTokensOnly() {
        String byPrimary = tokens.sign("gw-1", primary, NOW.plus(Duration.ofDays(1)));
        String bySecondary = tokens.sign("gw-1", secondary, NOW.plus(Duration.ofDays(1)));
        String newPrimary = GatewayTokens.newKey();
        assertEquals(GatewayTokens.Verdict.INVALID_SIGNATURE, tokens.verify(byPrimary, "gw-1", newPrimary, secondary));
        assertEquals(GatewayTokens.Verdict.VALID, tokens.verify(bySecondary, "gw-1", newPrimary, secondary));
    }

    @Test
    void expiryMustBeFutureAndAtMostThirtyDays() {
        assertThrows(IllegalArgumentException.class, () -> tokens.sign("gw-1", primary, NOW.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> tokens.sign("gw-1", primary, NOW.plus(Duration.ofDays(31))));
        tokens.sign("gw-1", primary, NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void onlyThePaddedStandardBase64SpellingOfASignatureIsAccepted() {
        String token = null;
        for (int minutes = 1; token == null || !token.matches(".*&.*[+/].*"); minutes++) { // a signature with '+' or '/'
            token = tokens.sign("gw-1", primary, NOW.plus(Duration.ofMinutes(minutes)));
        }
        assertEquals(GatewayTokens.Verdict.VALID, tokens.verify(token, "gw-1", primary, secondary));
        String unpadded = token.replaceAll("=+$", "");
        assertTrue(unpadded.length() < token.length(), "an HMAC-SHA512 in base64 ends with '=='");
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify(unpadded, "gw-1", primary, secondary),
                "Java's decoder alone accepts it unpadded");
        int cut = token.lastIndexOf('&') + 1;
        String urlSafe = token.substring(0, cut) + token.substring(cut).replace('+', '-').replace('/', '_');
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify(urlSafe, "gw-1", primary, secondary));
        assertEquals(GatewayTokens.Verdict.MALFORMED, tokens.verify(token.replace("==", "=\n="), "gw-1", primary,
                secondary));
    }
}
