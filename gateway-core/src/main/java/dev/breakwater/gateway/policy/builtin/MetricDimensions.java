package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <dimension name value>} children of emit-metric and llm-emit-token-metric: 1 to
 * {@value #MAX} of them, names fixed (they are the metric's labels) and distinct once written as
 * Prometheus labels, values from the policy or, for APIM's default dimensions, from the request.
 *
 * @param names  the dimensions' names, in order
 * @param values their values, evaluated per request
 */
record MetricDimensions(List<String> names, List<Value<String>> values) {

    static final int MAX = 10;

    /** The dimensions' values for this request, in the order of {@link #names}. */
    List<String> evaluate(PolicyContext context) throws PolicyException {
        String[] evaluated = new String[values.size()];
        for (int i = 0; i < evaluated.length; i++) {
            evaluated[i] = values.get(i).get(context);
        }
        return Arrays.asList(evaluated);
    }

    static MetricDimensions compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        List<PolicyElement> dimensions = element.children("dimension");
        if (dimensions.isEmpty() || dimensions.size() > MAX) {
            throw new PolicyCompileException(element, "needs 1 to " + MAX + " <dimension> elements, not "
                    + dimensions.size());
        }
        List<String> names = new ArrayList<>();
        List<Value<String>> values = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (PolicyElement dimension : dimensions) {
            String name = name(dimension, context);
            String previous = labels.put(CustomMetrics.labelName(name), name);
            if (previous != null) {
                throw new PolicyCompileException(dimension, "dimension '" + name + "' is the same as '" + previous
                        + "' once spaces and punctuation become '_' (as in Prometheus labels)");
            }
            names.add(name);
            values.add(value(dimension, name, context));
        }
        return new MetricDimensions(List.copyOf(names), List.copyOf(values));
    }

    /** A dimension's fixed name. */
    private static String name(PolicyElement dimension, CompileContext context) throws PolicyCompileException {
        dimension.allowAttributes("name", "value");
        dimension.allowChildren();
        dimension.forbidText();
        String raw = dimension.attribute("name");
        if (raw != null && ExpressionCompiler.isExpression(raw.trim())) {
            throw new PolicyCompileException(dimension, "attribute 'name' as a policy expression is not supported "
                    + "yet: a dimension's name is fixed, as it is a label of the metric");
        }
        return context.values().requiredLiteral(dimension, "name").trim();
    }

    /** A dimension's value, or a default dimension's when it has none. */
    private static Value<String> value(PolicyElement dimension, String name, CompileContext context)
            throws PolicyCompileException {
        Value<String> value = context.values().string(dimension, "value");
        if (value != null) {
            return value;
        }
        Value<String> known = DefaultDimensions.of(name);
        if (known == null) {
            throw new PolicyCompileException(dimension, "dimension '" + name + "' needs a value: only the default "
                    + "dimensions take theirs from the request (" + DefaultDimensions.names() + ")");
        }
        return known;
    }
}
