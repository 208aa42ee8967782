package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.policy.xml.PolicyXmlReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The policy fragments of a configuration, read once each; include-fragment takes its policies from
 * here. A fragment that includes itself, directly or through others, is refused.
 */
public final class Fragments {

    /** No fragments. */
    public static final Fragments NONE = new Fragments(List.of(), new PolicyXmlReader());

    private final Map<String, FragmentDefinition> definitions = new HashMap<>();
    private final Map<String, PolicyElement> read = new HashMap<>();
    private final Deque<String> including = new ArrayDeque<>();
    private final PolicyXmlReader reader;

    public Fragments(List<FragmentDefinition> fragments, PolicyXmlReader reader) {
        this.reader = reader;
        fragments.forEach(fragment -> definitions.put(fragment.id(), fragment));
    }

    public java.util.Set<String> ids() {
        return new TreeSet<>(definitions.keySet());
    }

    /** The {@code <fragment>} root of a fragment, read and checked once. */
    PolicyElement root(String id, PolicyElement includer) throws PolicyCompileException {
        PolicyElement root = read.get(id);
        if (root != null) {
            return root;
        }
        FragmentDefinition fragment = definitions.get(id);
        if (fragment == null) {
            throw new PolicyCompileException(includer, "there is no fragment '" + id + "'"
                    + (definitions.isEmpty() ? "" : "; fragments: " + String.join(", ", ids())));
        }
        if (fragment.policy() == null || fragment.policy().isBlank()) {
            throw new PolicyCompileException("fragment '" + id + "' has no policy");
        }
        try {
            root = reader.read(fragment.policy());
        } catch (PolicyCompileException e) {
            throw e.within("fragment '" + id + "'");
        }
        if (!"fragment".equals(root.name())) {
            throw new PolicyCompileException(root, "the root element must be <fragment>").within("fragment '" + id + "'");
        }
        root.allowAttributes();
        root.forbidText();
        read.put(id, root);
        return root;
    }

    /** Marks a fragment as being compiled; a fragment already being compiled includes itself. */
    void enter(String id, PolicyElement includer) throws PolicyCompileException {
        if (including.contains(id)) {
            List<String> chain = new java.util.ArrayList<>();
            including.descendingIterator().forEachRemaining(chain::add);
            throw new PolicyCompileException(includer, "fragment '" + id + "' includes itself (through "
                    + String.join(" -> ", chain) + " -> " + id + ")");
        }
        including.push(id);
    }

    void leave() {
        including.pop();
    }
}
