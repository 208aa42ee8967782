package dev.breakwater.gateway.metrics;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code /metrics}: the gateway's registry in the Prometheus formats (text, or protobuf when
 * asked), written by the Prometheus Java client. Names are the registry's with dots as
 * underscores ({@code api.echo.requests} → {@code api_echo_requests}): the client's bridge makes
 * one family per registry metric, so API ids cannot become labels of one family. Custom metrics
 * (emit-metric) are the exception: their dimension values come from requests and are labels of
 * one family per metric ({@link CustomMetricsCollector}).
 */
public final class PrometheusEndpoint {

    private PrometheusEndpoint() {
    }

    public static PrometheusMetricsServlet servlet(MetricRegistry registry) {
        return new PrometheusMetricsServlet(prometheus(registry));
    }

    /** What the servlet serves: the registry as the Prometheus client sees it. */
    static PrometheusRegistry prometheus(MetricRegistry registry) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        prometheus.register(new DropwizardExports(registry, (name, metric) -> !name.startsWith(CustomMetrics.PREFIX)));
        prometheus.register(new CustomMetricsCollector(registry));
        return prometheus;
    }
}
