package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.QueryParameters;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-query-parameter name="q" exists-action="..."><value>v</value></set-query-parameter>}:
 * edits a query parameter of the backend request. Name and values are taken literally (decoded)
 * and percent-encoded on the wire; any may be an expression.
 */
public final class SetQueryParameterPolicy implements Step {

    private final NamedEdit edit;

    private SetQueryParameterPolicy(NamedEdit edit) {
        this.edit = edit;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        QueryParameters query = context.request().query();
        String name = edit.name(context);
        switch (edit.action(context)) {
            case OVERRIDE -> {
                query.remove(name);
                edit.values(context).forEach(value -> query.add(name, value));
            }
            case SKIP -> {
                if (!query.contains(name)) {
                    edit.values(context).forEach(value -> query.add(name, value));
                }
            }
            case APPEND -> edit.values(context).forEach(value -> query.add(name, value));
            case DELETE -> query.remove(name);
        }
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <set-query-parameter>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-query-parameter";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.BACKEND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return new SetQueryParameterPolicy(NamedEdit.compile(element, context,
                    name -> name.isEmpty() ? "the parameter name is empty" : null, value -> null));
        }
    }
}
