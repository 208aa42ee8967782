package dev.breakwater.gateway.policy.xml;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code <policies>} document: the elements of each section it has. A section the
 * document leaves out inherits the enclosing scope's section, as if it held only {@code <base/>}.
 */
public final class PolicyDocument {

    /** The document of a scope that has none: every section inherited. */
    public static final PolicyDocument INHERIT = new PolicyDocument(new EnumMap<>(Section.class));

    private final Map<Section, List<PolicyElement>> sections;

    private PolicyDocument(Map<Section, List<PolicyElement>> sections) {
        this.sections = sections;
    }

    /** Parses policy XML; a blank string is a scope without a document. */
    public static PolicyDocument parse(String xml, PolicyXmlReader reader) throws PolicyCompileException {
        if (xml == null || xml.isBlank()) {
            return INHERIT;
        }
        PolicyElement root = reader.read(xml);
        if (!"policies".equals(root.name())) {
            throw new PolicyCompileException(root, "the root element must be <policies>");
        }
        root.allowAttributes();
        root.forbidText();
        Map<Section, List<PolicyElement>> sections = new EnumMap<>(Section.class);
        for (PolicyElement child : root.children()) {
            Section section = Section.byElementName(child.name());
            if (section == null) {
                throw new PolicyCompileException(child,
                        "not a section; <policies> holds <inbound>, <backend>, <outbound> and <on-error>");
            }
            if (sections.containsKey(section)) {
                throw new PolicyCompileException(child, "section appears twice");
            }
            child.allowAttributes();
            child.forbidText();
            sections.put(section, child.children());
        }
        return new PolicyDocument(sections);
    }

    /** The elements of a section, or {@code null} when the document leaves it out. */
    public List<PolicyElement> section(Section section) {
        return sections.get(section);
    }
}
