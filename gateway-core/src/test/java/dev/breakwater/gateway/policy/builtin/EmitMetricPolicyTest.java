package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.compileError;
import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.time.Clock;
import java.util.Set;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.Fragments;
import dev.breakwater.gateway.policy.compile.NamedValues;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import java.util.List;
import java.util.Map;
import dev.breakwater.gateway.subscription.Caller;
import dev.breakwater.gateway.subscription.Product;
import dev.breakwater.gateway.subscription.Subscription;
import dev.breakwater.gateway.subscription.User;
import org.junit.jupiter.api.Test;

/** emit-metric into a registry of its own: names, values, default dimensions, the bound on series, refusals. */
class EmitMetricPolicyTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final PolicyServices services = new PolicyServices(registry, Clock.systemUTC());
    private final RecordedSeries recorded = new RecordedSeries(registry);

    private Pipeline pipeline(Section section, String elements) throws Exception {
        return PolicyTesting.pipeline(PolicyTesting.environment(services), null, null, in(section, elements), Set.of());
    }

    private PolicyContext flow(Pipeline pipeline, String... headers) throws Exception {
        return PolicyTesting.flow(pipeline, PolicyTesting.context("/items", null, TemplateValues.NONE, headers));
    }

    @Test
    void backendIdIsTheBackendEntityTheRequestGoesTo() throws Exception {
        SingleBackend orders = new SingleBackend("orders", "http://orders", Map.of(), Map.of(), null, null);
        Pipeline pipeline = PolicyTesting.pipeline(new CompileEnvironment(PolicyTesting.REGISTRY,
                new ExpressionCompiler(), NamedValues.NONE, Fragments.NONE, new Backends(Map.of("orders", orders)),
                Certificates.NONE, services), null, null, in(Section.INBOUND, "<emit-metric name=\"Calls\" "
                + "namespace=\"n\"><dimension name=\"Backend ID\"/></emit-metric><set-backend-service "
                + "backend-id=\"orders\"/><emit-metric name=\"Calls\" namespace=\"n\"><dimension name=\"Backend ID\"/>"
                + "</emit-metric>"), Set.of());
        flow(pipeline);
        assertEquals(1, recorded.count("custom.n.Calls[Backend ID=]"), "before set-backend-service: a plain URL");
        assertEquals(1, recorded.count("custom.n.Calls[Backend ID=orders]"));
    }

    @Test
    void theCallersSubscriptionProductAndUserAreDefaultDimensions() throws Exception {
        Pipeline pipeline = pipeline(Section.INBOUND, "<emit-metric name=\"Calls\" namespace=\"n\">"
                + "<dimension name=\"Subscription ID\"/><dimension name=\"Product ID\"/><dimension name=\"User ID\"/>"
                + "</emit-metric>");
        Product gold = new Product("gold", "Gold", null, true, true, false, null, Set.of("echo"), List.of());
        User ann = new User("ann", "ann@example.com", "Ann", "Lee", null, false, List.of(), null);
        PolicyContext context = PolicyTesting.context("/items", null, TemplateValues.NONE);
        context.setCaller(new Caller(new Subscription("s1", "S1", gold, null, true, ann, false, null, null, null),
                "a-key-of-sixteen-chars", true, gold));
        PolicyTesting.flow(pipeline, context);
        assertEquals(1, recorded.count("custom.n.Calls[Subscription ID=s1;Product ID=gold;User ID=ann]"));
    }

    @Test
    void countsAndSumsPerDimensionValues() throws Exception {
        Pipeline pipeline = pipeline(Section.INBOUND, "<emit-metric name=\"Tokens\" namespace=\"my-metrics\" "
                + "value=\"@(double.Parse(context.Request.Headers.GetValueOrDefault(&quot;X-Tokens&quot;, &quot;0&quot;)))\">"
                + "<dimension name=\"API ID\"/><dimension name=\"Tenant\" "
                + "value=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;&quot;))\"/></emit-metric>");
        flow(pipeline, "X-Tokens", "2.5", "X-Tenant", "a");
        flow(pipeline, "X-Tokens", "4", "X-Tenant", "a");
        flow(pipeline, "X-Tokens", "1", "X-Tenant", "b");
        assertEquals(2, recorded.count("custom.my-metrics.Tokens[API ID=echo;Tenant=a]"));
        assertEquals(6.5, recorded.sum("custom.my-metrics.Tokens[API ID=echo;Tenant=a]"), 1e-9);
        assertEquals(1, recorded.count("custom.my-metrics.Tokens[API ID=echo;Tenant=b]"));
    }

    @Test
    void theValueIsOneAndTheNamespaceApiManagementByDefault() throws Exception {
        Pipeline pipeline = pipeline(Section.OUTBOUND, "<emit-metric name=\"Request\"><dimension name=\"Operation ID\"/>"
                + "<dimension name=\"gateway id\"/><dimension name=\"Location\"/><dimension name=\"Subscription ID\"/>"
                + "<dimension name=\"Product ID\"/><dimension name=\"User ID\"/></emit-metric>");
        flow(pipeline);
        flow(pipeline);
        String series = "custom.API Management.Request[Operation ID=get-item;gateway id=;Location=;Subscription ID=;"
                + "Product ID=;User ID=]";
        assertEquals(2, recorded.count(series));
        assertEquals(2.0, recorded.sum(series), 1e-9);
        flow(pipeline(Section.INBOUND, "<emit-metric name=\"Int\" namespace=\"n\" value=\"@(context.Request.Url.Path.Length)\">"
                + "<dimension name=\"API ID\"/></emit-metric>"));
        assertEquals("/base/items".length(), recorded.sum("custom.n.Int[API ID=echo]"), 1e-9,
                "an int expression converts");
    }

    @Test
    void namesThatHoldTheSeparatorsStayApart() throws Exception {
        flow(pipeline(Section.INBOUND, "<emit-metric name=\"b\" namespace=\"a.x\"><dimension name=\"d\" value=\"v;e=w\"/>"
                + "</emit-metric><emit-metric name=\"x.b\" namespace=\"a\"><dimension name=\"d\" value=\"v\"/>"
                + "<dimension name=\"e\" value=\"w\"/></emit-metric>"));
        assertEquals(1, recorded.count("custom.a\\.x.b[d=v\\;e\\=w]"));
        assertEquals(1, recorded.count("custom.a.x\\.b[d=v;e=w]"));
    }

    @Test
    void aMetricHasAtMostItsBoundOfSeriesAndTheRestGoesToOverflow() throws Exception {
        Pipeline pipeline = pipeline(Section.INBOUND, "<emit-metric name=\"ByClient\" namespace=\"n\">"
                + "<dimension name=\"Client\" value=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;&quot;))\"/>"
                + "</emit-metric>");
        int extra = 7;
        for (int i = 0; i < CustomMetrics.MAX_SERIES_PER_METRIC + extra; i++) {
            flow(pipeline, "X-Client", "client-" + i);
        }
        long series = registry.getNames().stream().filter(name -> name.startsWith("custom.n.ByClient[")
                && name.endsWith(".count")).count();
        assertEquals(CustomMetrics.MAX_SERIES_PER_METRIC + 1, series, "the bound, and one overflow series");
        assertEquals(extra, recorded.count("custom.n.ByClient[Client=(overflow)]"));
        flow(pipeline, "X-Client", "client-0");
        assertEquals(2, recorded.count("custom.n.ByClient[Client=client-0]"), "known values still count as themselves");
        flow(pipeline, "X-Client", "x".repeat(5000));
        assertEquals(extra + 1, recorded.count("custom.n.ByClient[Client=(overflow)]"));
    }

    @Test
    void longDimensionValuesAreCut() throws Exception {
        flow(pipeline(Section.INBOUND, "<emit-metric name=\"Long\" namespace=\"n\"><dimension name=\"d\" "
                + "value=\"@(new string('v', 1000))\"/></emit-metric>"));
        assertEquals(1, recorded.count("custom.n.Long[d=" + "v".repeat(CustomMetrics.MAX_DIMENSION_VALUE_CHARS) + "]"));
    }

    @Test
    void aValueThatIsNotAFiniteNumberRunsOnError() throws Exception {
        PolicyContext context = flow(pipeline(Section.INBOUND, "<emit-metric name=\"Bad\" namespace=\"n\" "
                + "value=\"@(0.0 / 0.0)\"><dimension name=\"API ID\"/></emit-metric>"));
        assertEquals(500, context.response().status());
        assertEquals("emit-metric", context.lastError().source());
        assertEquals("InvalidMetricValue", context.lastError().reason());
        assertTrue(registry.getNames().stream().noneMatch(name -> name.startsWith("custom.n.Bad")));
    }

    @Test
    void isCheckedWhenCompiled() {
        String dimension = "<dimension name=\"API ID\"/>";
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\"/>")).contains("needs 1 to 10 <dimension>"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\">" + "<dimension name=\"d\" value=\"v\"/>"
                .repeat(11) + "</emit-metric>")).contains("not 11"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric>" + dimension + "</emit-metric>"))
                .contains("attribute 'name' is required"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"@(&quot;m&quot;)\">" + dimension
                + "</emit-metric>")).contains("does not take a policy expression"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\" value=\"lots\">" + dimension
                + "</emit-metric>")).contains("must be a number"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\" value=\"@(&quot;1&quot;)\">" + dimension
                + "</emit-metric>")).contains("attribute 'value'"), "an expression must be a number");
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\"><dimension name=\"Client IP\"/>"
                + "</emit-metric>")).contains("dimension 'Client IP' needs a value"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\"><dimension name=\"@(&quot;d&quot;)\" "
                + "value=\"v\"/></emit-metric>")).contains("as a policy expression is not supported yet"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\"><dimension name=\"Client IP\" value=\"a\"/>"
                + "<dimension name=\"Client-IP\" value=\"b\"/></emit-metric>")).contains("is the same as 'Client IP'"));
        assertTrue(compileError(in(Section.INBOUND, "<emit-metric name=\"m\" unit=\"s\">" + dimension
                + "</emit-metric>")).contains("unknown attribute 'unit'"));
    }
}
