package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.config.FragmentDefinition;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What the management plane checks of a fragment before the gateway's compiler sees it: an id,
 * a description of at most 1,000 characters, and XML of at most 256 KiB (the limit of any
 * policy document) whose root element is {@code <fragment>}. The root is found in the text
 * ({@link FragmentRoot}), as APIM's lenient reader would: expressions inside may hold raw
 * {@code <} and quotes. Compiling the policies inside is the gateway compiler's work.
 */
final class FragmentRules {

    static final int MAX_DESCRIPTION_CHARS = 1000;

    private FragmentRules() {
    }

    static void check(Iterable<FragmentDefinition> fragments) throws ConfigException {
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (FragmentDefinition fragment : fragments) {
            String where = "fragments[" + i++ + "]";
            if (fragment.id() == null || !DocumentValidator.ID.matcher(fragment.id()).matches()) {
                throw new ConfigException(where + ": id is required: " + DocumentValidator.ID_RULE);
            }
            where += " '" + fragment.id() + "'";
            if (!ids.add(fragment.id())) {
                throw new ConfigException(where + ": id is used by another fragment");
            }
            if (fragment.description() != null && fragment.description().length() > MAX_DESCRIPTION_CHARS) {
                throw new ConfigException(where + ": description has " + fragment.description().length()
                        + " characters; at most " + MAX_DESCRIPTION_CHARS);
            }
            check(fragment.policy(), where + ".policy");
        }
    }

    /** The XML of one fragment. */
    static void check(String policy, String where) throws ConfigException {
        if (policy == null || policy.isBlank()) {
            throw new ConfigException(where + ": the fragment's XML is required: <fragment>…</fragment>");
        }
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ConfigLimits.MAX_POLICY_BYTES) {
            throw new ConfigException(where + ": the fragment has " + bytes + " bytes; a policy document may have at "
                    + "most " + ConfigLimits.MAX_POLICY_BYTES + " (256 KiB)");
        }
        String problem = FragmentRoot.problem(policy);
        if (problem != null) {
            throw new ConfigException(where + ": " + problem);
        }
    }
}
