package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named values of a configuration, substituted where APIM substitutes them: {@code {{name}}}
 * in attribute values and element text, expressions included, when the configuration is compiled.
 * Names are matched regardless of case. An unknown name refuses the document. Secret values never appear in a message: {@link #scrub}
 * puts the reference back wherever one would.
 */
public final class NamedValues {

    /** No named values. */
    public static final NamedValues NONE = new NamedValues(List.of());

    // display names are unique regardless of case (the management plane checks), and found so
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<NamedValueDefinition> secrets;

    public NamedValues(List<NamedValueDefinition> definitions) {
        for (NamedValueDefinition definition : definitions) {
            values.put(definition.referenceName(), definition.value() == null ? "" : definition.value());
        }
        // longest first, so that a secret contained in another is scrubbed after it
        this.secrets = definitions.stream().filter(NamedValueDefinition::isSecret)
                .filter(definition -> definition.value() != null && !definition.value().isEmpty())
                .sorted(Comparator.comparingInt((NamedValueDefinition definition) -> definition.value().length()).reversed())
                .toList();
    }

    /**
     * The text with every {@code {{name}}} replaced by its value.
     *
     * @param lenient leave references to names that do not exist as they are (Liquid templates use
     *                the same braces); otherwise such a reference is an error
     */
    public String substitute(String text, PolicyElement element, String what, boolean lenient)
            throws PolicyCompileException {
        return substitute(text, element == null ? "" : element.describe() + ": ", what, lenient);
    }

    /** The text with every {@code {{name}}} replaced, outside policy documents (backend credentials). */
    public String substitute(String text, String what) throws PolicyCompileException {
        return substitute(text, "", what, false);
    }

    private String substitute(String text, String where, String what, boolean lenient) throws PolicyCompileException {
        int open = text.indexOf("{{");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                break;
            }
            String name = text.substring(open + 2, close).trim();
            String value = values.get(name);
            if (value == null && !lenient) {
                throw new PolicyCompileException(where + what + " refers to the named value '" + name
                        + "', which does not exist" + (values.isEmpty() ? "" : "; named values: "
                        + String.join(", ", values.keySet())));
            }
            out.append(text, from, open).append(value != null ? value : text.substring(open, close + 2));
            from = close + 2;
            open = text.indexOf("{{", from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The message with every secret value replaced by its reference, so that no secret is shown or logged. */
    public String scrub(String message) {
        String scrubbed = message;
        for (NamedValueDefinition secret : secrets) {
            scrubbed = scrubbed.replace(secret.value(), "{{" + secret.referenceName() + "}}");
        }
        return scrubbed;
    }
}
