package dev.breakwater.gateway.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One element of a policy document, as read from the XML: name, attributes, child elements,
 * text and the line it starts on. The accessors validate as they read, so that every
 * factory reports mistakes the same way (element, line, what is wrong).
 */
public final class PolicyElement {

    private final String name;
    private final Map<String, String> attributes;
    private final List<PolicyElement> children;
    private final String text;
    private final int line;

    public PolicyElement(String name, Map<String, String> attributes, List<PolicyElement> children,
                         String text, int line) {
        this.name = name;
        this.attributes = Map.copyOf(attributes);
        this.children = List.copyOf(children);
        this.text = text;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public List<PolicyElement> children() {
        return children;
    }

    /** How messages point at this element: {@code <set-header> at line 4}. */
    public String describe() {
        return "<" + name + "> at line " + line;
    }

    /** Refuses any attribute not named here: a misspelt attribute must not be ignored. */
    public void allowAttributes(String... allowed) throws PolicyCompileException {
        Set<String> known = Set.of(allowed);
        for (String attribute : new TreeSet<>(attributes.keySet())) {
            if (!known.contains(attribute)) {
                throw new PolicyCompileException(this, "unknown attribute '" + attribute + "'"
                        + (allowed.length == 0 ? " (this element takes none)"
                        : "; known attributes: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /** Refuses any child element not named here. */
    public void allowChildren(String... allowed) throws PolicyCompileException {
        List<String> known = Arrays.asList(allowed);
        for (PolicyElement child : children) {
            if (!known.contains(child.name)) {
                throw new PolicyCompileException(child, "not allowed inside <" + name + ">"
                        + (allowed.length == 0 ? "" : "; allowed: " + String.join(", ", known)));
            }
        }
    }

    /** Refuses text content: only elements such as {@code <value>} carry text. */
    public void forbidText() throws PolicyCompileException {
        if (!text.isEmpty()) {
            throw new PolicyCompileException(this, "unexpected text '" + abbreviate(text) + "'");
        }
    }

    public String optionalAttribute(String attribute) throws PolicyCompileException {
        String value = attributes.get(attribute);
        if (value != null) {
            LiteralValues.requireLiteral(this, "attribute '" + attribute + "'", value);
        }
        return value;
    }

    public String requiredAttribute(String attribute) throws PolicyCompileException {
        String value = optionalAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new PolicyCompileException(this, "attribute '" + attribute + "' is required");
        }
        return value;
    }

    public int intAttribute(String attribute, int defaultValue, int min, int max) throws PolicyCompileException {
        String value = optionalAttribute(attribute);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw new PolicyCompileException(this, "attribute '" + attribute + "' must be a whole number from "
                + min + " to " + max + ", not '" + value + "'");
    }

    public boolean booleanAttribute(String attribute, boolean defaultValue) throws PolicyCompileException {
        String value = optionalAttribute(attribute);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PolicyCompileException(this,
                    "attribute '" + attribute + "' must be true or false, not '" + value + "'");
        };
    }

    /** The text content, trimmed, checked to be a literal (no policy expression, no named value). */
    public String text() throws PolicyCompileException {
        LiteralValues.requireLiteral(this, "text", text);
        return text;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
