package dev.breakwater.gateway.policy;

/**
 * Guards against values this gateway cannot evaluate yet. An APIM policy expression
 * ({@code @(...)}, {@code @{...}}) or named value ({@code {{name}}}) taken as a literal would
 * send the expression's source text on the wire, so such a document is refused instead.
 */
final class LiteralValues {

    private LiteralValues() {
    }

    static void requireLiteral(PolicyElement element, String what, String value) throws PolicyCompileException {
        String trimmed = value.trim();
        if (trimmed.startsWith("@(") || trimmed.startsWith("@{")) {
            throw new PolicyCompileException(element, what + " is a policy expression; policy expressions are not supported yet");
        }
        if (value.contains("{{")) {
            throw new PolicyCompileException(element, what + " references a named value ({{...}}); named values are not supported yet");
        }
    }
}
