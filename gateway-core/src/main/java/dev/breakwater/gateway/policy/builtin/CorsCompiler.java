package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code <cors>} as APIM documents it and refuses what APIM refuses: origins that are not
 * {@code *} or scheme://host[:port], {@code *} mixed with origins or with allow-credentials="true",
 * methods and header names that are not tokens, an empty list, a child given twice.
 */
final class CorsCompiler {

    /** APIM: without allowed-methods, GET and POST are allowed. */
    private static final Set<String> DEFAULT_METHODS = new LinkedHashSet<>(List.of("GET", "POST"));
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private CorsCompiler() {
    }

    static CorsPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("allow-credentials", "terminate-unmatched-request");
        element.allowChildren("allowed-origins", "allowed-methods", "allowed-headers", "expose-headers");
        element.forbidText();
        Value<Boolean> credentials = context.values().bool(element, "allow-credentials", false);
        Value<Boolean> terminate = context.values().bool(element, "terminate-unmatched-request", true);

        PolicyElement originsElement = single(element, "allowed-origins", true);
        List<String> originTexts = list(originsElement, "origin", context);
        Set<String> origins = new LinkedHashSet<>();
        boolean anyOrigin = originTexts.contains("*");
        if (anyOrigin && originTexts.size() > 1) {
            throw new PolicyCompileException(originsElement, "'*' allows any origin and must be the only <origin>");
        }
        if (anyOrigin && credentials.isConstant() && credentials.constant()) {
            throw new PolicyCompileException(element, "allow-credentials=\"true\" cannot be used with <origin>*</origin>:"
                    + " a browser refuses credentials for any origin; list the origins instead");
        }
        for (String text : anyOrigin ? List.<String>of() : originTexts) {
            try {
                origins.add(CorsOrigins.configured(text));
            } catch (IllegalArgumentException e) {
                throw new PolicyCompileException(originsElement, "<origin> " + e.getMessage());
            }
        }

        PolicyElement methodsElement = single(element, "allowed-methods", false);
        Set<String> methods = DEFAULT_METHODS;
        Integer maxAge = null;
        if (methodsElement != null) {
            methods = tokens(methodsElement, "method", context, true);
            Value<Integer> age = context.values().integer(methodsElement, "preflight-result-max-age", 0, 0,
                    Integer.MAX_VALUE);
            if (methodsElement.attribute("preflight-result-max-age") != null) {
                if (!age.isConstant()) {
                    throw new PolicyCompileException(methodsElement,
                            "preflight-result-max-age must be a number of seconds, not an expression");
                }
                maxAge = age.constant();
            }
        }
        PolicyElement allowedElement = single(element, "allowed-headers", false);
        Set<String> allowed = allowedElement == null ? Set.of() : tokens(allowedElement, "header", context, false);
        PolicyElement exposeElement = single(element, "expose-headers", false);
        List<String> expose = exposeElement == null ? List.of() : list(exposeElement, "header", context);
        for (String header : expose) {
            checkToken(exposeElement, header, "header name");
        }
        boolean anyHeader = allowed.contains("*");
        CorsRules rules = new CorsRules(Set.copyOf(origins), methods.contains("*") ? Set.of() // in the order written, for Access-Control-Allow-Methods
                : Collections.unmodifiableSet(new LinkedHashSet<>(methods)),
                anyHeader ? Set.of() : Set.copyOf(allowed), anyHeader, List.copyOf(expose), maxAge);
        return new CorsPolicy(rules, credentials, terminate);
    }

    private static PolicyElement single(PolicyElement element, String name, boolean required)
            throws PolicyCompileException {
        List<PolicyElement> found = element.children(name);
        if (found.size() > 1) {
            throw new PolicyCompileException(found.get(1), "<" + name + "> is given more than once");
        }
        if (found.isEmpty() && required) {
            throw new PolicyCompileException(element, "<" + name + "> is required");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The texts of the children named {@code child}, at least one, named values substituted. */
    private static List<String> list(PolicyElement parent, String child, CompileContext context)
            throws PolicyCompileException {
        // only <allowed-methods> has an attribute; any other on a list element would be ignored
        if (parent.name().equals("allowed-methods")) {
            parent.allowAttributes("preflight-result-max-age");
        } else {
            parent.allowAttributes();
        }
        parent.allowChildren(child);
        parent.forbidText();
        List<String> values = new ArrayList<>();
        for (PolicyElement item : parent.children(child)) {
            item.allowAttributes();
            item.allowChildren();
            String raw = item.rawText();
            String text = raw == null ? "" : context.values().substituted(item, raw, "<" + child + ">").trim();
            if (text.isEmpty()) {
                throw new PolicyCompileException(item, "<" + child + "> is empty");
            }
            if (text.startsWith("@")) {
                throw new PolicyCompileException(item, "<" + child + "> takes a constant, not a policy expression");
            }
            values.add(text);
        }
        if (values.isEmpty()) {
            throw new PolicyCompileException(parent, "<" + parent.name() + "> needs at least one <" + child + ">");
        }
        return values;
    }

    private static Set<String> tokens(PolicyElement parent, String child, CompileContext context, boolean upper)
            throws PolicyCompileException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : list(parent, child, context)) {
            checkToken(parent, text, child.equals("method") ? "HTTP method" : "header name");
            tokens.add(upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT));
        }
        if (tokens.contains("*") && tokens.size() > 1) {
            throw new PolicyCompileException(parent, "'*' allows any " + child + " and must be the only <" + child + ">");
        }
        return tokens;
    }

    private static void checkToken(PolicyElement parent, String text, String what) throws PolicyCompileException {
        boolean token = !text.isEmpty() && text.length() <= 256 && text.chars().allMatch(c -> (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_SYMBOLS.indexOf(c) >= 0);
        if (!token) {
            throw new PolicyCompileException(parent, "'" + text + "' is not a valid " + what);
        }
    }
}
