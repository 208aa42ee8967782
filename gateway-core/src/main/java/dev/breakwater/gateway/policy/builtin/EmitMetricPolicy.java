package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <emit-metric name="Request" value="1" namespace="my-metrics"><dimension name="API ID"/>
 * <dimension name="Client IP" value="@(context.Request.IpAddress)"/></emit-metric>}: adds the value
 * (a double, 1 by default) to the custom metric of these dimension values, in the gateway's metric
 * registry (see {@link CustomMetrics}: counted and summed, bounded in series). As in APIM, the name
 * and namespace are fixed, a dimension without a value must be a default one, and a policy has 1 to
 * 10 dimensions; dimension names are fixed too (they are the metric's labels).
 */
public final class EmitMetricPolicy implements Step {

    /** APIM's most custom dimensions per policy. */
    static final int MAX_DIMENSIONS = 10;

    private final String namespace;
    private final String name;
    private final Value<Double> value;
    private final List<String> dimensionNames;
    private final Value<String>[] dimensionValues;
    private final CustomMetrics metrics;

    private EmitMetricPolicy(String namespace, String name, Value<Double> value, List<String> dimensionNames,
                             Value<String>[] dimensionValues, CustomMetrics metrics) {
        this.namespace = namespace;
        this.name = name;
        this.value = value;
        this.dimensionNames = dimensionNames;
        this.dimensionValues = dimensionValues;
        this.metrics = metrics;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        double amount = value.get(context);
        if (!Double.isFinite(amount)) {
            throw new PolicyException("emit-metric", "InvalidMetricValue", 500,
                    "The value of custom metric '" + name + "' is not a finite number");
        }
        String[] values = new String[dimensionValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = dimensionValues[i].get(context);
        }
        metrics.record(namespace, name, dimensionNames, Arrays.asList(values), amount);
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <emit-metric>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "emit-metric";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("name", "namespace", "value");
            element.allowChildren("dimension");
            element.forbidText();
            String name = context.values().requiredLiteral(element, "name");
            String namespace = context.values().literal(element, "namespace");
            Value<Double> value = context.values().decimal(element, "value");
            List<PolicyElement> dimensions = element.children("dimension");
            if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
                throw new PolicyCompileException(element, "needs 1 to " + MAX_DIMENSIONS + " <dimension> elements, not "
                        + dimensions.size());
            }
            List<String> names = new ArrayList<>();
            List<Value<String>> values = new ArrayList<>();
            Map<String, String> labels = new HashMap<>();
            for (PolicyElement dimension : dimensions) {
                String dimensionName = dimensionName(dimension, context);
                String previous = labels.put(CustomMetrics.labelName(dimensionName), dimensionName);
                if (previous != null) {
                    throw new PolicyCompileException(dimension, "dimension '" + dimensionName + "' is the same as '"
                            + previous + "' once spaces and punctuation become '_' (as in Prometheus labels)");
                }
                names.add(dimensionName);
                values.add(dimensionValue(dimension, dimensionName, context));
            }
            return new EmitMetricPolicy(namespace == null || namespace.isBlank() ? "API Management" : namespace, name,
                    value == null ? Value.of(1.0) : value, List.copyOf(names), values.toArray(Value[]::new),
                    context.services().customMetrics());
        }

        /** A {@code <dimension>}'s fixed name (shared with the token metric policies). */
        static String dimensionName(PolicyElement dimension, CompileContext context)
                throws PolicyCompileException {
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

        /** A {@code <dimension>}'s value, or a default dimension's when it has none (shared with the token metrics). */
        static Value<String> dimensionValue(PolicyElement dimension, String name, CompileContext context)
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
}
