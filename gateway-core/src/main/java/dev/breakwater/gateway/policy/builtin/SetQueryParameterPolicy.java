package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.QueryParameters;
import dev.breakwater.gateway.policy.Section;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <set-query-parameter name="q" exists-action="..."><value>v</value></set-query-parameter>}:
 * edits a query parameter of the backend request. Names and values are literals; they are
 * percent-encoded on the wire.
 */
public final class SetQueryParameterPolicy implements Policy {

    private final String name;
    private final ExistsAction action;
    private final List<String> values;

    private SetQueryParameterPolicy(String name, ExistsAction action, List<String> values) {
        this.name = name;
        this.action = action;
        this.values = values;
    }

    @Override
    public Flow apply(PolicyContext context) {
        QueryParameters query = context.request().query();
        switch (action) {
            case OVERRIDE -> {
                query.remove(name);
                addAll(query);
            }
            case SKIP -> {
                if (!query.contains(name)) {
                    addAll(query);
                }
            }
            case APPEND -> addAll(query);
            case DELETE -> query.remove(name);
        }
        return Flow.CONTINUE;
    }

    private void addAll(QueryParameters query) {
        for (String value : values) {
            query.add(name, value);
        }
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
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("name", "exists-action");
            String name = element.requiredAttribute("name");
            ExistsAction action = ExistsAction.of(element);
            return new SetQueryParameterPolicy(name, action, Values.of(element, action));
        }
    }
}
