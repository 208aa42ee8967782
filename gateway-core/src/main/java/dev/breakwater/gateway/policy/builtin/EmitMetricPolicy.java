package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
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

    private final String namespace;
    private final String name;
    private final Value<Double> value;
    private final MetricDimensions dimensions;
    private final CustomMetrics metrics;

    private EmitMetricPolicy(String namespace, String name, Value<Double> value, MetricDimensions dimensions,
                             CustomMetrics metrics) {
        this.namespace = namespace;
        this.name = name;
        this.value = value;
        this.dimensions = dimensions;
        this.metrics = metrics;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        double amount = value.get(context);
        if (!Double.isFinite(amount)) {
            throw new PolicyException("emit-metric", "InvalidMetricValue", 500,
                    "The value of custom metric '" + name + "' is not a finite number");
        }
        metrics.record(namespace, name, dimensions.names(), dimensions.evaluate(context), amount);
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
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("name", "namespace", "value");
            element.allowChildren("dimension");
            element.forbidText();
            String name = context.values().requiredLiteral(element, "name");
            String namespace = context.values().literal(element, "namespace");
            Value<Double> value = context.values().decimal(element, "value");
            return new EmitMetricPolicy(namespace == null || namespace.isBlank() ? "API Management" : namespace, name,
                    value == null ? Value.of(1.0) : value, MetricDimensions.compile(element, context),
                    context.services().customMetrics());
        }
    }
}
