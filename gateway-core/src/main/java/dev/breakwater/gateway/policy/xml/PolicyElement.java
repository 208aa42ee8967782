package dev.breakwater.gateway.policy.xml;

import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One element of a policy document as read: name, attributes, child elements, text and the line
 * it starts on. Values are read through the compile context (which substitutes named values and
 * compiles expressions); the structural checks here let every factory report mistakes the same
 * way (element, line, what is wrong). Every policy may carry APIM's optional {@code id} attribute.
 */
public final class PolicyElement {

    /** APIM's optional identifier of a policy, reported as {@code context.LastError.PolicyId}. */
    public static final String ID = "id";

    private final String name;
    private final Map<String, String> attributes;
    private final List<PolicyElement> children;
    private final String text;
    private final int line;
    private final SourceText content;

    /** An element built without a document (a default policy): its content is its text, escaped. */
    public PolicyElement(String name, Map<String, String> attributes, List<PolicyElement> children, String text,
                         int line) {
        this(name, attributes, children, text, line, SourceText.of(XmlText.escape(text)));
    }

    /** @param content the element's content as written in the document, between its start and end tags */
    public PolicyElement(String name, Map<String, String> attributes, List<PolicyElement> children, String text,
                         int line, SourceText content) {
        this.name = name;
        this.attributes = Map.copyOf(attributes);
        this.children = List.copyOf(children);
        this.text = text;
        this.line = line;
        this.content = content;
    }

    public String name() {
        return name;
    }

    public List<PolicyElement> children() {
        return children;
    }

    public int line() {
        return line;
    }

    /** The attribute's value as written (after XML decoding), or {@code null}. */
    public String attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** The text content as written, trimmed; "" when none. */
    public String rawText() {
        return text;
    }

    /**
     * The content as XML, exactly as the document has it between the start and end tags (comments,
     * CDATA sections, entity references, quotes, white space and line breaks kept), without the white
     * space that surrounds it: for policies whose content is a document of its own (a SOAP envelope in
     * set-body). Policy expressions in it are as the parser read them (see {@link LenientXml}).
     */
    public String innerXml() {
        return content.toString().strip();
    }

    /** How messages point at this element: {@code <set-header> at line 4}. */
    public String describe() {
        return "<" + name + "> at line " + line;
    }

    /** Refuses any attribute not named here (and not {@code id}): a misspelt attribute must not be ignored. */
    public void allowAttributes(String... allowed) throws PolicyCompileException {
        Set<String> known = Set.of(allowed);
        for (String attribute : new TreeSet<>(attributes.keySet())) {
            if (!known.contains(attribute) && !ID.equals(attribute)) {
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

    /** The children with a given name. */
    public List<PolicyElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
