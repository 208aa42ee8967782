package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.Section;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * {@code <set-header name="X" exists-action="override|skip|append|delete"><value>v</value></set-header>}:
 * edits a header of the backend request (inbound, backend) or of the client response
 * (outbound, on-error).
 */
public final class SetHeaderPolicy implements Policy {

    private final String name;
    private final ExistsAction action;
    private final HttpField[] fields;
    private final boolean onRequest;

    private SetHeaderPolicy(String name, ExistsAction action, List<String> values, boolean onRequest) {
        this.name = name;
        this.action = action;
        this.fields = values.stream().map(value -> new HttpField(name, value)).toArray(HttpField[]::new);
        this.onRequest = onRequest;
    }

    /** Compiles a set-header that acts on the request or on the response. */
    static SetHeaderPolicy compile(PolicyElement element, boolean onRequest) throws PolicyCompileException {
        element.allowAttributes("name", "exists-action");
        String name = HttpSyntax.headerName(element, element.requiredAttribute("name"));
        ExistsAction action = ExistsAction.of(element);
        List<String> values = Values.of(element, action);
        for (String value : values) {
            HttpSyntax.headerValue(element, value);
        }
        return new SetHeaderPolicy(name, action, values, onRequest);
    }

    @Override
    public Flow apply(PolicyContext context) {
        HttpFields.Mutable headers = onRequest ? context.request().headers() : context.response().headers();
        switch (action) {
            case OVERRIDE -> {
                headers.remove(name);
                addAll(headers);
            }
            case SKIP -> {
                if (!headers.contains(name)) {
                    addAll(headers);
                }
            }
            case APPEND -> addAll(headers);
            case DELETE -> headers.remove(name);
        }
        return Flow.CONTINUE;
    }

    private void addAll(HttpFields.Mutable headers) {
        for (HttpField field : fields) {
            headers.add(field);
        }
    }

    /** Registered for {@code <set-header>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-header";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return SetHeaderPolicy.compile(element, context.section().actsOnRequest());
        }
    }
}
