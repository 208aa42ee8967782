package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.Section;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One scope's policy document, compiled once per configuration and shared by every route below
 * it: for each section it has, its policies in order, with {@link #BASE} where {@code <base/>} stands.
 * A section the document leaves out inherits the enclosing scope's, as if it held only {@code <base/>}.
 *
 * @param where how messages name the document, e.g. {@code API 'orders' policy}
 */
public record CompiledScope(Scope scope, String where, Map<Section, List<CompiledPolicy>> sections) {

    /** Stands for {@code <base/>}: the enclosing scope's effective section goes here. */
    public static final CompiledPolicy BASE = new CompiledPolicy(null, null, java.util.Set.of(), List.of(),
            java.util.Set.of());

    /** A scope without a document: every section inherited. */
    public static CompiledScope inheriting(Scope scope, String where) {
        return new CompiledScope(scope, where, new EnumMap<>(Section.class));
    }

    /** The section's policies, or {@code null} when the document leaves it out. */
    public List<CompiledPolicy> section(Section section) {
        return sections.get(section);
    }
}
