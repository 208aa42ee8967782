package dev.breakwater.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MBean names jconsole shows: API metrics as a tree, custom metrics under their namespace. */
class JmxTreeNamesTest {

    private final JmxPublisher.TreeNames names = new JmxPublisher.TreeNames();

    @Test
    void customMetricsStandUnderTheirNamespace() throws Exception {
        ObjectName name = names.createName("counters", "breakwater",
                "custom.my-metrics.Request[API ID=echo;Client IP=10.0.0.7].count");
        assertEquals("custom", name.getKeyProperty("type"));
        assertEquals("my-metrics", name.getKeyProperty("namespace"));
        assertEquals("Request[API ID=echo;Client IP=10.0.0.7].count", ObjectName.unquote(name.getKeyProperty("name")));
        ObjectName spaced = names.createName("gauges", "breakwater", "custom.API Management.Request.sum");
        assertEquals("API Management", ObjectName.unquote(spaced.getKeyProperty("namespace")));
        assertEquals("Request.sum", spaced.getKeyProperty("name"));
    }

    @Test
    void apiMetricsKeepTheirTree() {
        ObjectName name = names.createName("timers", "breakwater", "api.echo.operation.get.requests");
        assertEquals("operation", name.getKeyProperty("type"));
        assertEquals("echo", name.getKeyProperty("api"));
        assertEquals("requests", name.getKeyProperty("name"));
        assertEquals("jvm", names.createName("gauges", "breakwater", "jvm.memory.heap.used").getKeyProperty("type"));
    }
}
