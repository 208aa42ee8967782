package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <set-header name="X" exists-action="override|skip|append|delete"><value>v</value></set-header>}:
 * edits a header of the backend request (inbound, backend) or of the client response (outbound,
 * on-error). Name, action and values may be expressions.
 */
public final class SetHeaderPolicy implements Step {

    private final NamedEdit edit;
    private final boolean onRequest;

    private SetHeaderPolicy(NamedEdit edit, boolean onRequest) {
        this.edit = edit;
        this.onRequest = onRequest;
    }

    /** Compiles a set-header that acts on the request or on the response. */
    static SetHeaderPolicy compile(PolicyElement element, CompileContext context, boolean onRequest)
            throws PolicyCompileException {
        return new SetHeaderPolicy(NamedEdit.compile(element, context, HttpSyntax::headerNameProblem,
                HttpSyntax::headerValueProblem), onRequest);
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        applyTo(onRequest ? context.request().headers() : context.response().headers(), context);
        return Outcome.CONTINUE;
    }

    /** Edits these headers (the request's, the response's, or a call-out's) for one request. */
    void applyTo(Headers headers, PolicyContext context) throws PolicyException {
        String name = edit.name(context);
        switch (edit.action(context)) {
            case OVERRIDE -> {
                headers.remove(name);
                addAll(headers, name, edit.values(context));
            }
            case SKIP -> {
                if (!headers.contains(name)) {
                    addAll(headers, name, edit.values(context));
                }
            }
            case APPEND -> addAll(headers, name, edit.values(context));
            case DELETE -> headers.remove(name);
        }
    }

    private static void addAll(Headers headers, String name, List<String> values) {
        for (String value : values) {
            headers.add(name, value);
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
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return SetHeaderPolicy.compile(element, context, context.section().actsOnRequest());
        }
    }
}
