package dev.breakwater.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How custom metrics read on {@code /metrics}: one summary family per metric with the dimensions as
 * labels, beside the registry's other metrics as the Dropwizard bridge writes them; names that meet
 * once sanitised are added up instead of breaking the scrape.
 */
class CustomMetricsPrometheusTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final CustomMetrics metrics = new CustomMetrics(registry);

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, PrometheusEndpoint.prometheus(registry).scrape(),
                EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> samples(String text) {
        return text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.toSet());
    }

    @Test
    void aMetricIsOneSummaryWithItsDimensionsAsLabels() throws Exception {
        registry.counter("api.echo.requests.errors").inc();
        metrics.record("my-metrics", "Request", List.of("API ID", "Client IP"), List.of("echo", "10.0.0.7"), 1.5);
        metrics.record("my-metrics", "Request", List.of("API ID", "Client IP"), List.of("echo", "10.0.0.7"), 2);
        metrics.record("my-metrics", "Request", List.of("API ID", "Client IP"), List.of("echo", "10.0.0.8"), 1);
        String text = scrape();
        Set<String> samples = samples(text);
        assertTrue(text.contains("# TYPE custom_my_metrics_Request summary"), text);
        assertTrue(samples.contains("custom_my_metrics_Request_count{API_ID=\"echo\",Client_IP=\"10.0.0.7\"} 2"), text);
        assertTrue(samples.contains("custom_my_metrics_Request_sum{API_ID=\"echo\",Client_IP=\"10.0.0.7\"} 3.5"), text);
        assertTrue(samples.contains("custom_my_metrics_Request_count{API_ID=\"echo\",Client_IP=\"10.0.0.8\"} 1"), text);
        assertTrue(samples.contains("api_echo_requests_errors_total 1.0"), "the other metrics as before: " + text);
        assertFalse(text.contains("custom_my_metrics_Request_API"), "the series are not families of their own");
    }

    @Test
    void metricsWhoseNamesMeetOnceSanitisedAreAddedUp() throws Exception {
        metrics.record("a-b", "x", List.of("d"), List.of("v"), 1);
        metrics.record("a_b", "x", List.of("d"), List.of("v"), 2);
        metrics.record("n", "quantile total", List.of("quantile", "9 lives"), List.of("q", "\"quoted\"\n"), 1);
        String text = scrape();
        Set<String> samples = samples(text);
        assertTrue(samples.contains("custom_a_b_x_count{d=\"v\"} 2"), text);
        assertTrue(samples.contains("custom_a_b_x_sum{d=\"v\"} 3.0"), text);
        assertTrue(samples.contains("custom_n_quantile_count{_9_lives=\"\\\"quoted\\\"\\n\",quantile_=\"q\"} 1"), text);
        assertEquals(1, text.lines().filter(line -> line.startsWith("# TYPE custom_a_b_x ")).count(), text);
    }
}
