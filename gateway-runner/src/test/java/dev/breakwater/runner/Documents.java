package dev.breakwater.runner;

/** Builds configuration documents for tests; policy XML is escaped into JSON strings here. */
final class Documents {

    private Documents() {
    }

    /** A document with a global policy (or null) and the given API objects. */
    static String document(long revision, String globalPolicy, String... apis) {
        return "{\"revision\": " + revision + (globalPolicy == null ? "" : ", \"policy\": " + json(globalPolicy))
                + ", \"apis\": [" + String.join(", ", apis) + "]}";
    }

    /** A document with named values and fragments (JSON arrays, e.g. from {@link #namedValue}), and APIs. */
    static String documentWith(long revision, String globalPolicy, String namedValues, String fragments, String... apis) {
        return "{\"revision\": " + revision + (globalPolicy == null ? "" : ", \"policy\": " + json(globalPolicy))
                + ", \"namedValues\": " + namedValues + ", \"fragments\": " + fragments
                + ", \"apis\": [" + String.join(", ", apis) + "]}";
    }

    static String namedValue(String id, String displayName, String value, boolean secret) {
        return "{\"id\": \"" + id + "\", \"displayName\": \"" + displayName + "\", \"value\": " + json(value)
                + ", \"secret\": " + secret + "}";
    }

    static String fragment(String id, String policy) {
        return "{\"id\": \"" + id + "\", \"policy\": " + json(policy) + "}";
    }

    /** An API; {@code extra} is more JSON properties, starting with a comma, or "". */
    static String api(String id, String path, String serviceUrl, String policy, String extra) {
        return "{\"id\": \"" + id + "\", \"path\": \"" + path + "\", \"subscriptionRequired\": false"
                + (serviceUrl == null ? "" : ", \"serviceUrl\": \"" + serviceUrl + "\"")
                + (policy == null ? "" : ", \"policy\": " + json(policy)) + extra + "}";
    }

    static String operations(String... operations) {
        return ", \"operations\": [" + String.join(", ", operations) + "]";
    }

    static String operation(String id, String method, String urlTemplate, String policy) {
        return "{\"id\": \"" + id + "\", \"method\": \"" + method + "\", \"urlTemplate\": \"" + urlTemplate + "\""
                + (policy == null ? "" : ", \"policy\": " + json(policy)) + "}";
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
