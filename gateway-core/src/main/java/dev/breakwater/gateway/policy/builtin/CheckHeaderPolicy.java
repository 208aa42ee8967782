package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <check-header name="X" failed-check-httpcode="401" failed-check-error-message="m" ignore-case="false">
 * <value>v</value></check-header>}: the request must carry the header and, when values are listed,
 * every occurrence of it must be one of them. A failed check is an error that runs on-error, with
 * APIM's predefined reason and {@code context.LastError.Message}; the default response has the
 * policy's status and message. The message never repeats the header's value: it may be a credential.
 */
public final class CheckHeaderPolicy implements Step {

    static final String SOURCE = "check-header";

    private final Value<String> name;
    private final Value<Integer> status;
    private final Value<String> message;
    private final Value<Boolean> ignoreCase;
    private final List<Value<String>> values;

    private CheckHeaderPolicy(Value<String> name, Value<Integer> status, Value<String> message,
                              Value<Boolean> ignoreCase, List<Value<String>> values) {
        this.name = name;
        this.status = status;
        this.message = message;
        this.ignoreCase = ignoreCase;
        this.values = values;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String header = name.get(context);
        List<String> present = header == null ? List.of() : context.request().headers().all(header);
        if (present.isEmpty()) {
            throw fail(context, "HeaderNotFound", "Header " + header + " was not found in the request. Access denied.");
        }
        if (values.isEmpty()) {
            return Outcome.CONTINUE;
        }
        List<String> allowed = new ArrayList<>(values.size());
        for (Value<String> value : values) {
            allowed.add(value.get(context));
        }
        boolean anyCase = ignoreCase.get(context);
        for (String occurrence : present) {
            if (!isAllowed(occurrence, allowed, anyCase)) {
                throw fail(context, "HeaderValueNotAllowed", "Header " + header + " value is not allowed. Access denied.");
            }
        }
        return Outcome.CONTINUE;
    }

    private static boolean isAllowed(String occurrence, List<String> allowed, boolean anyCase) {
        for (String value : allowed) {
            if (value != null && (anyCase ? value.equalsIgnoreCase(occurrence) : value.equals(occurrence))) {
                return true;
            }
        }
        return false;
    }

    private PolicyException fail(PolicyContext context, String reason, String lastErrorMessage)
            throws PolicyException {
        int code = status.get(context);
        if (code < 200 || code > 599) {
            throw new PolicyException(SOURCE, "InvalidStatusCode", 500,
                    "failed-check-httpcode " + code + " is not a final status from 200 to 599");
        }
        return new PolicyException(PolicyError.withResponse(SOURCE, reason, lastErrorMessage, code, message.get(context)));
    }

    static CheckHeaderPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("name", "failed-check-httpcode", "failed-check-error-message", "ignore-case");
        element.allowChildren("value");
        element.forbidText();
        ValueReader reader = context.values();
        Value<String> name = reader.requiredString(element, "name");
        if (name.isConstant() && HttpSyntax.headerNameProblem(name.constant()) != null) {
            throw new PolicyCompileException(element, HttpSyntax.headerNameProblem(name.constant()));
        }
        for (String required : new String[] {"failed-check-httpcode", "ignore-case"}) {
            if (element.attribute(required) == null) {
                throw new PolicyCompileException(element, "attribute '" + required + "' is required");
            }
        }
        Value<Integer> status = reader.integer(element, "failed-check-httpcode", 0, 200, 599);
        Value<String> message = reader.requiredString(element, "failed-check-error-message");
        Value<Boolean> ignoreCase = reader.bool(element, "ignore-case", false);
        List<Value<String>> values = new ArrayList<>();
        for (PolicyElement child : element.children()) {
            child.allowAttributes();
            child.allowChildren();
            values.add(reader.text(child));
        }
        return new CheckHeaderPolicy(name, status, message, ignoreCase, List.copyOf(values));
    }

    /** Registered for {@code <check-header>}: inbound only, as in APIM. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "check-header";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return CheckHeaderPolicy.compile(element, context);
        }
    }
}
