package dev.breakwater.gateway.config;

/**
 * A named value (APIM's "named value", formerly "property"): a string policies reference as
 * {@code {{displayName}}} in attribute values, element text and expressions, substituted when the
 * configuration is compiled. A secret one is never logged and never returned by a GET.
 *
 * @param displayName what policies write between the braces; the id when absent
 * @param secret      whether the value is a secret ({@code null}: not)
 */
public record NamedValueDefinition(String id, String displayName, String value, Boolean secret) {

    /** The name policies reference it by. */
    public String referenceName() {
        return displayName == null || displayName.isBlank() ? id : displayName;
    }

    public boolean isSecret() {
        return Boolean.TRUE.equals(secret);
    }
}
