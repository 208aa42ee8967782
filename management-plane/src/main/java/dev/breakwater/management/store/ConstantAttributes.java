package dev.breakwater.management.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constant values some attributes of one policy element take in policy documents, found in their
 * text (certificate-id of authentication-certificate, backend-id of set-backend-service), so that a
 * gateway is served only the entities its policies name. Where such an attribute is not a constant
 * (a policy expression or a named value, known only when compiled or run) or an element cannot be
 * read here, every entity may be needed: it errs towards serving one no policy uses, never away from
 * one a policy names at run time (which a check of the served document would not catch).
 */
final class ConstantAttributes {

    /** The element with its attributes, each quoted ({@code >} may stand in a quoted expression). */
    private static final String ATTRIBUTES = "((?:\\s+[A-Za-z_:][-\\w.:]*\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*)\\s*/?>";
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_:][-\\w.:]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /**
     * @param all    whether the entities may be named where the text cannot tell: every one may be needed
     * @param values the constant values found, by attribute name
     */
    record Found(boolean all, Map<String, Set<String>> values) {

        Set<String> of(String attribute) {
            return values.getOrDefault(attribute, Set.of());
        }
    }

    private ConstantAttributes() {
    }

    /** The constant values of {@code attributes} on every {@code element} in the documents ({@code null} ones ignored). */
    static Found scan(Iterable<String> documents, String element, Set<String> attributes) {
        String start = "<" + element;
        Pattern whole = Pattern.compile(Pattern.quote(start) + ATTRIBUTES);
        Map<String, Set<String>> values = new HashMap<>();
        for (String document : documents) {
            if (document != null && !scan(document, start, whole, attributes, values)) {
                return new Found(true, Map.of());
            }
        }
        return new Found(false, values);
    }

    /** Adds the constant values of one document; {@code false} when one is not a constant (or unreadable). */
    private static boolean scan(String xml, String start, Pattern whole, Set<String> attributes,
                                Map<String, Set<String>> values) {
        int at = xml.indexOf(start);
        while (at >= 0) {
            Matcher element = whole.matcher(xml).region(at, xml.length());
            if (!element.lookingAt()) {
                char next = at + start.length() < xml.length() ? xml.charAt(at + start.length()) : '>';
                if (Character.isLetterOrDigit(next) || next == '-' || next == '_' || next == '.') {
                    at = xml.indexOf(start, at + 1); // another element whose name starts the same
                    continue;
                }
                return false;
            }
            Matcher attribute = ATTRIBUTE.matcher(element.group(1));
            while (attribute.find()) {
                String name = attribute.group(1);
                if (attributes.contains(name)) {
                    String constant = (attribute.group(2) != null ? attribute.group(2) : attribute.group(3)).strip();
                    if (constant.startsWith("@") || constant.contains("{{") || constant.contains("&")) {
                        return false; // an expression, a named value, an entity: known only when compiled or run
                    }
                    values.computeIfAbsent(name, key -> new HashSet<>()).add(constant);
                }
            }
            at = xml.indexOf(start, element.end());
        }
        return true;
    }
}
