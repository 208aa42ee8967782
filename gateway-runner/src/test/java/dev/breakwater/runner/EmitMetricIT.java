package dev.breakwater.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Counter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_0.Metrics;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * emit-metric in the real runner: requests emit a custom metric with a default dimension and one
 * from the request, and the admin listener's {@code /metrics} serves it as one summary whose labels
 * are the dimensions, parsed with the Prometheus client's own protobuf classes; the registry has
 * the same counts under the documented names.
 */
class EmitMetricIT {

    @RegisterExtension
    static final OneApiGateway API = new OneApiGateway("echo",
            "<policies><inbound><base/><emit-metric name=\"Request\" namespace=\"my-metrics\" "
                    + "value=\"@(double.Parse(context.Request.Headers.GetValueOrDefault(&quot;X-Units&quot;, &quot;1&quot;)))\">"
                    + "<dimension name=\"API ID\"/><dimension name=\"Tenant\" "
                    + "value=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;none&quot;))\"/>"
                    + "</emit-metric></inbound></policies>");

    @Test
    void emittedValuesAreServedOnMetricsWithTheirDimensionsAsLabels() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("/echo/a" + i, "alpha", "1.5");
        }
        for (int i = 0; i < 3; i++) {
            send("/echo/b" + i, "beta", "2");
        }
        Map<String, Metrics.Summary> byTenant = scrape();
        assertEquals(5, byTenant.get("alpha").getSampleCount());
        assertEquals(7.5, byTenant.get("alpha").getSampleSum(), 1e-9);
        assertEquals(3, byTenant.get("beta").getSampleCount());
        assertEquals(6.0, byTenant.get("beta").getSampleSum(), 1e-9);

        Counter registered = API.gateway().server.gateway().registry().getCounters()
                .get("custom.my-metrics.Request[API ID=echo;Tenant=alpha].count");
        assertNotNull(registered, "the registry names it as the README says");
        assertEquals(5, registered.getCount());
    }

    private void send(String path, String tenant, String units) throws Exception {
        HttpResponse<String> response = API.gateway().send(HttpRequest.newBuilder(API.gateway().uri(path))
                .header("X-Tenant", tenant).header("X-Units", units));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The family custom_my_metrics_Request from /metrics (protobuf), by its Tenant label; its API_ID is echo. */
    private static Map<String, Metrics.Summary> scrape() throws Exception {
        HttpResponse<byte[]> response = API.gateway().client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + API.gateway().server.adminPort() + "/metrics"))
                .header("Accept", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
                        + "encoding=delimited").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        ByteArrayInputStream in = new ByteArrayInputStream(response.body());
        Map<String, Metrics.Summary> byTenant = new HashMap<>();
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            if (!family.getName().equals("custom_my_metrics_Request")) {
                continue;
            }
            assertEquals(Metrics.MetricType.SUMMARY, family.getType());
            for (Metrics.Metric metric : family.getMetricList()) {
                Map<String, String> labels = new HashMap<>();
                metric.getLabelList().forEach(label -> labels.put(label.getName(), label.getValue()));
                assertEquals("echo", labels.get("API_ID"), labels.toString());
                byTenant.put(labels.get("Tenant"), metric.getSummary());
            }
        }
        assertTrue(!byTenant.isEmpty(), "/metrics has the family custom_my_metrics_Request");
        return byTenant;
    }
}
