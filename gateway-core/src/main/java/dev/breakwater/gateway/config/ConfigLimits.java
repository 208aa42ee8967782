package dev.breakwater.gateway.config;

/**
 * The limits of a configuration document, one constant each, shared by the gateway that parses
 * a document and the management plane that checks it before serving it: whatever the one
 * accepts, the other does.
 */
public final class ConfigLimits {

    /** The most one policy document may have, in UTF-8 bytes: APIM's limit, 256 KiB. */
    public static final int MAX_POLICY_BYTES = 256 * 1024;

    /**
     * The longest string a JSON document may hold, in characters: a policy document is the
     * longest string there is, and one of {@link #MAX_POLICY_BYTES} bytes has at most that many
     * characters.
     */
    public static final int MAX_STRING_CHARS = MAX_POLICY_BYTES;

    private ConfigLimits() {
    }
}
