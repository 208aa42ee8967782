package dev.breakwater.management.store;

import dev.breakwater.management.auth.GatewayTokens;

/** The two signing keys of a gateway. */
public record GatewayKeys(String primary, String secondary) {

    public static GatewayKeys generate() {
        return new GatewayKeys(GatewayTokens.newKey(), GatewayTokens.newKey());
    }

    /** The key of that type: {@code primary} or {@code secondary}. */
    public String of(String keyType) {
        return switch (keyType) {
            case "primary" -> primary;
            case "secondary" -> secondary;
            default -> throw new IllegalArgumentException("keyType must be primary or secondary, not '" + keyType + "'");
        };
    }

    public GatewayKeys regenerate(String keyType) {
        return switch (keyType) {
            case "primary" -> new GatewayKeys(GatewayTokens.newKey(), secondary);
            case "secondary" -> new GatewayKeys(primary, GatewayTokens.newKey());
            default -> throw new IllegalArgumentException("keyType must be primary or secondary, not '" + keyType + "'");
        };
    }
}
