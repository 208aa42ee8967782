package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.runtime.json.JArray;
import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.runtime.json.JProperty;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JValue;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * APIM's Jwt: a JSON Web Token parsed, not validated (validate-jwt does that). Claims map each name to
 * its values as strings (an array claim has several).
 */
public final class Jwt implements RuntimeTypes.DotNetTyped {

    private final Map<String, String[]> header;
    private final Map<String, String[]> claims;

    private Jwt(Map<String, String[]> header, Map<String, String[]> claims) {
        this.header = header;
        this.claims = claims;
    }

    /** The token, or null when {@code text} is not a JWS compact serialization with JSON header and payload. */
    public static Jwt parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3 && parts.length != 5) {
            return null;
        }
        try {
            JToken header = JsonText.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JToken payload = JsonText.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!(header instanceof JObject h) || !(payload instanceof JObject p)) {
                return null;
            }
            return new Jwt(values(h), values(p));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String[]> values(JObject o) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (JProperty p : o.properties()) {
            List<String> values = new ArrayList<>();
            if (p.value() instanceof JArray a) {
                for (JToken item : a) {
                    values.add(text(item));
                }
            } else {
                values.add(text(p.value()));
            }
            map.put(p.name(), values.toArray(new String[0]));
        }
        return Collections.unmodifiableMap(map);
    }

    private static String text(JToken t) {
        if (t instanceof JValue v && v.value() instanceof String s) {
            return s;
        }
        return t instanceof JValue v && v.value() == null ? "" : JsonText.write(t, false);
    }

    private String first(Map<String, String[]> map, String name) {
        String[] v = map.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    public Map<String, String[]> header() {
        return header;
    }

    public Map<String, String[]> claims() {
        return claims;
    }

    public String algorithm() {
        return first(header, "alg");
    }

    public String type() {
        return first(header, "typ");
    }

    public String id() {
        return first(claims, "jti");
    }

    public String issuer() {
        return first(claims, "iss");
    }

    public String subject() {
        return first(claims, "sub");
    }

    public List<String> audiences() {
        String[] v = claims.get("aud");
        return v == null ? List.of() : List.of(v);
    }

    public DotNetDateTime expirationTime() {
        return time("exp");
    }

    public DotNetDateTime notBefore() {
        return time("nbf");
    }

    public DotNetDateTime issuedAt() {
        return time("iat");
    }

    private DotNetDateTime time(String claim) {
        String v = first(claims, claim);
        if (v == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(v);
            return DotNetDateTime.of(Instant.ofEpochSecond((long) seconds), DotNetDateTime.UTC);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String dotNetTypeName() {
        return "Jwt";
    }
}
