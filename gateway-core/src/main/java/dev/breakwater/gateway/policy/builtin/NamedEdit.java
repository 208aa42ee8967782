package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * What set-header and set-query-parameter share: {@code name}, {@code exists-action} and
 * {@code <value>} children, each a constant or an expression. Constants are checked when compiled;
 * what an expression yields is checked when it runs (a bad one fails the request, never the wire).
 */
final class NamedEdit {

    /** Checks a name or value; returns what is wrong, or {@code null}. */
    interface Check {
        String problem(String text);
    }

    private final String element;
    private final Value<String> name;
    private final Value<String> action;
    private final List<Value<String>> values;
    private final Check nameCheck;
    private final Check valueCheck;
    /** The action when it is a constant, else {@code null}. */
    private final ExistsAction constantAction;
    /** The values when all are constants, else {@code null}. */
    private final List<String> constantValues;

    private NamedEdit(String element, Value<String> name, Value<String> action, List<Value<String>> values,
                      Check nameCheck, Check valueCheck) {
        this.element = element;
        this.name = name;
        this.action = action;
        this.values = values;
        this.nameCheck = nameCheck;
        this.valueCheck = valueCheck;
        this.constantAction = action.isConstant() ? ExistsAction.parse(action.constant()) : null;
        this.constantValues = values.stream().allMatch(Value::isConstant)
                ? values.stream().map(Value::constant).toList() : null;
    }

    static NamedEdit compile(PolicyElement element, CompileContext context, Check nameCheck, Check valueCheck)
            throws PolicyCompileException {
        element.allowAttributes("name", "exists-action");
        element.allowChildren("value");
        element.forbidText();
        ValueReader reader = context.values();
        Value<String> name = reader.requiredString(element, "name");
        if (name.isConstant() && nameCheck.problem(name.constant()) != null) {
            throw new PolicyCompileException(element, nameCheck.problem(name.constant()));
        }
        Value<String> action = reader.string(element, "exists-action");
        if (action == null) {
            action = Value.of("override");
        } else if (action.isConstant() && ExistsAction.parse(action.constant()) == null) {
            throw new PolicyCompileException(element, ExistsAction.problem(action.constant()));
        }
        List<Value<String>> values = new ArrayList<>();
        for (PolicyElement child : element.children()) {
            child.allowAttributes();
            child.allowChildren();
            Value<String> value = reader.text(child);
            if (value.isConstant() && valueCheck.problem(value.constant()) != null) {
                throw new PolicyCompileException(child, valueCheck.problem(value.constant()));
            }
            values.add(value);
        }
        boolean deletes = action.isConstant() && ExistsAction.parse(action.constant()) == ExistsAction.DELETE;
        if (deletes && !values.isEmpty()) {
            throw new PolicyCompileException(element, "exists-action 'delete' takes no <value>");
        }
        if (action.isConstant() && !deletes && values.isEmpty()) {
            throw new PolicyCompileException(element, "at least one <value> is required unless exists-action is 'delete'");
        }
        return new NamedEdit(element.name(), name, action, List.copyOf(values), nameCheck, valueCheck);
    }

    String name(PolicyContext context) throws PolicyException {
        return name.isConstant() ? name.constant() : checked(name.get(context), nameCheck);
    }

    ExistsAction action(PolicyContext context) throws PolicyException {
        if (constantAction != null) {
            return constantAction;
        }
        String text = action.get(context);
        ExistsAction parsed = text == null ? null : ExistsAction.parse(text);
        if (parsed == null) {
            throw new PolicyException(element, "ExistsActionInvalid", 500, ExistsAction.problem(String.valueOf(text)));
        }
        return parsed;
    }

    /** The values for this request; an expression that yields null adds nothing. */
    List<String> values(PolicyContext context) throws PolicyException {
        if (constantValues != null) {
            return constantValues;
        }
        List<String> texts = new ArrayList<>(values.size());
        for (Value<String> value : values) {
            String text = value.get(context);
            if (text != null) {
                texts.add(checked(text, valueCheck));
            }
        }
        return texts;
    }

    private String checked(String text, Check check) throws PolicyException {
        String problem = text == null ? "the name is empty" : check.problem(text);
        if (problem != null) {
            throw new PolicyException(element, "InvalidValue", 500, problem);
        }
        return text;
    }
}
