package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.runtime.PolicyPlace;
import dev.breakwater.gateway.policy.runtime.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One compiled policy in the tree of a document: where it stands, the step that runs it, its own
 * traits, the policies it contains and the URL template parameters it refers to. The tree is what
 * structural checks walk; requests only run the steps.
 *
 * @param own                what this policy itself does
 * @param templateParameters the operation template parameters its values refer to
 */
public record CompiledPolicy(PolicyPlace place, Step step, Set<Trait> own, List<CompiledPolicy> children,
                             Set<String> templateParameters) {

    /** Whether this policy or one it contains has the trait. */
    public boolean has(Trait trait) {
        if (own.contains(trait)) {
            return true;
        }
        for (CompiledPolicy child : children) {
            if (child.has(trait)) {
                return true;
            }
        }
        return false;
    }

    /** Every trait of this policy and those it contains. */
    public Set<Trait> all() {
        Set<Trait> all = own.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(own);
        for (CompiledPolicy child : children) {
            all.addAll(child.all());
        }
        return all;
    }
}
