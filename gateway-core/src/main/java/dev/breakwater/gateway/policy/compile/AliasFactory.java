package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.policy.runtime.Step;
import java.util.Set;

/**
 * A policy under a second name, as APIM renamed some ({@code azure-openai-token-limit} is now
 * {@code llm-token-limit}): the same sections, traits and compiler. The compiler sees the element
 * under the name it was written with ({@link PolicyElement#name()}), so errors name what the
 * document says. Subclasses give ServiceLoader the no-argument constructor it needs.
 */
public abstract class AliasFactory implements PolicyFactory {

    private final String name;
    private final PolicyFactory same;

    protected AliasFactory(String name, PolicyFactory same) {
        this.name = name;
        this.same = same;
    }

    @Override
    public String elementName() {
        return name;
    }

    @Override
    public Set<Section> sections() {
        return same.sections();
    }

    @Override
    public Set<Trait> traits() {
        return same.traits();
    }

    @Override
    public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        return same.compile(element, context);
    }
}
