package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** APIM's BasicAuthCredentials: what AsBasic() reads from an "Authorization: Basic …" value. */
public record BasicAuthCredentials(String userId, String password) implements RuntimeTypes.DotNetTyped {

    /** The credentials in {@code "Basic base64(user:password)"} (the scheme is optional), or null. */
    public static BasicAuthCredentials parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.regionMatches(true, 0, "Basic ", 0, 6)) {
            v = v.substring(6).strip();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new BasicAuthCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String dotNetTypeName() {
        return "BasicAuthCredentials";
    }
}
