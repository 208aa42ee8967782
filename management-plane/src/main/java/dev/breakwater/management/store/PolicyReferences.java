package dev.breakwater.management.store;

import dev.breakwater.gateway.config.FragmentDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What policy documents reference, found in their text: named values as {@code {{name}}}
 * (whitespace inside the braces tolerated) and fragments as
 * {@code <include-fragment fragment-id="id"/>}, following included fragments to what they
 * reference in turn. A scan of the text, comments included, rather than a parse: it may take a
 * comment, or a Liquid template's {@code {{ body.x }}}, for a reference and serve a named value
 * no policy uses, but it never misses one, which would make the gateway refuse its document.
 * Named values are matched regardless of case, as their display names are unique regardless of case.
 */
final class PolicyReferences {

    private static final Pattern NAMED_VALUE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9._-]+)\\s*}}");
    private static final Pattern INCLUDE = Pattern.compile(
            "<include-fragment\\s[^>]*?fragment-id\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /**
     * @param namedValues the names referenced, lower case
     * @param fragments   the ids of the fragments included, directly or through other fragments
     */
    record Used(Set<String> namedValues, Set<String> fragments) {

        boolean namedValue(String referenceName) {
            return namedValues.contains(referenceName.toLowerCase(Locale.ROOT));
        }
    }

    /** What one document references directly. */
    private record Direct(Set<String> namedValues, Set<String> fragments) {
    }

    private final Map<String, FragmentDefinition> fragmentsById;
    private final Map<String, Direct> scanned = new HashMap<>(); // a policy shared by many gateways is scanned once

    /** @param fragmentsById the fragments that documents can include */
    PolicyReferences(Map<String, FragmentDefinition> fragmentsById) {
        this.fragmentsById = fragmentsById;
    }

    /** What the policies use, with the fragments (by id) they can include. */
    static Used of(Iterable<String> policies, Map<String, FragmentDefinition> fragmentsById) {
        return new PolicyReferences(fragmentsById).used(policies);
    }

    /** What the policies ({@code null} ones ignored) use, following the fragments they include. */
    Used used(Iterable<String> policies) {
        Set<String> names = new HashSet<>();
        Set<String> included = new HashSet<>();
        Deque<String> toScan = new ArrayDeque<>();
        policies.forEach(policy -> {
            if (policy != null) {
                toScan.add(policy);
            }
        });
        while (!toScan.isEmpty()) {
            Direct direct = scanned.computeIfAbsent(toScan.poll(), PolicyReferences::scan);
            names.addAll(direct.namedValues());
            for (String id : direct.fragments()) {
                FragmentDefinition fragment = fragmentsById.get(id);
                if (included.add(id) && fragment != null && fragment.policy() != null) {
                    toScan.add(fragment.policy()); // each fragment once: a cycle ends here
                }
            }
        }
        return new Used(Set.copyOf(names), Set.copyOf(included));
    }

    private static Direct scan(String xml) {
        Set<String> names = new HashSet<>();
        Matcher named = NAMED_VALUE.matcher(xml);
        while (named.find()) {
            names.add(named.group(1).toLowerCase(Locale.ROOT));
        }
        Set<String> fragments = new HashSet<>();
        Matcher include = INCLUDE.matcher(xml);
        while (include.find()) {
            fragments.add((include.group(1) != null ? include.group(1) : include.group(2)).strip());
        }
        return new Direct(Set.copyOf(names), Set.copyOf(fragments));
    }
}
