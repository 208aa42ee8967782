package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.JSON;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.render;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.requestContext;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Rendering as APIM's set-body renders a Liquid template: the documented examples, body and context access. */
class LiquidTemplateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void convertsJsonToSoapAsTheApimExampleDoes() throws Exception {
        String template = """
                <soap:Envelope xmlns="http://tempuri.org/" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                    <soap:Body>
                        <GetOpenOrders>
                            <cust>{{body.getOpenOrders.cust}}</cust>
                        </GetOpenOrders>
                    </soap:Body>
                </soap:Envelope>""";
        String soap = render(template, "{\"getOpenOrders\": {\"cust\": \"Contoso & Sons\"}}", JSON);
        assertEquals(template.replace("{{body.getOpenOrders.cust}}", "Contoso & Sons"), soap,
                "written as the template is, the value not HTML-escaped");
    }

    @Test
    void transformsJsonAsTheApimExampleDoesKeepingWhitespace() throws Exception {
        String template = """
                {
                "order": {
                    "id": "{{body.customer.purchase.identifier}}",
                    "summary": "{{body.customer.purchase.orderShortDesc}}"
                    }
                }
                """;
        String body = "{\"customer\": {\"purchase\": {\"identifier\": \"ORD-7\", \"orderShortDesc\": \"2 <pizzas>\"}}}";
        String out = render(template, body, "application/json; charset=utf-8");
        assertEquals("""
                {
                "order": {
                    "id": "ORD-7",
                    "summary": "2 <pizzas>"
                    }
                }
                """, out);
        JsonNode parsed = MAPPER.readTree(out);
        assertEquals("ORD-7", parsed.path("order").path("id").asText());
    }

    @Test
    void readsArraysByIndexAndInLoops() throws Exception {
        String body = "{\"items\": [{\"name\": \"a\", \"qty\": 2}, {\"name\": \"b\", \"qty\": 1.5}], \"ok\": true}";
        assertEquals("a", render("{{body.items[0].name}}", body, JSON));
        assertEquals("a=2;b=1.5;", render("{% for item in body.items %}{{item.name}}={{item.qty}};{% endfor %}", body, JSON));
        assertEquals("2 true", render("{{body.items.size}} {{body.ok}}", body, JSON));
        assertEquals("1:a,2:b", render("{% for i in body.items %}{{forloop.index}}:{{i.name}}{% unless forloop.last %},{% endunless %}{% endfor %}", body, JSON));
    }

    @Test
    void bindsJsonForEveryJsonContentType() throws Exception {
        for (String type : new String[] {"application/json", "text/json", "application/problem+json", "Application/JSON;charset=UTF-8"}) {
            assertEquals("x", render("{{body.a}}", "{\"a\": \"x\"}", type), type);
        }
    }

    @Test
    void leavesTheBodyUnboundForOtherTypesAndEmptyBodies() throws Exception {
        assertEquals("[]", render("[{{body.a}}]", "{\"a\": \"x\"}", "text/plain"));
        assertEquals("[]", render("[{{body.a}}]", "{\"a\": \"x\"}", null));
        assertEquals("[]", render("[{{body.a}}]", "", JSON));
        assertEquals("none", render("{% if body %}some{% else %}none{% endif %}", "a=1", "application/x-www-form-urlencoded"));
    }

    @Test
    void refusesABodyThatIsNotItsType() {
        LiquidException e = assertThrows(LiquidException.class, () -> render("{{body.a}}", "{\"a\": ", JSON));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = assertThrows(LiquidException.class, () -> render("{{body.a}}", "{\"a\": 1} trailing", JSON));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void readsTheContextByDotAndIndexerWithApimNames() throws Exception {
        Map<String, Object> context = requestContext();
        assertEquals("GET /orders/42 https api.example.com ?expand=lines",
                render("{{context.Request.Method}} {{context.Request.Url.Path}} {{context.Request.Url.Scheme}}"
                        + " {{context.Request.Url.Host}} {{context.Request.Url.QueryString}}", context));
        assertEquals("200 OK", render("{{context.Response.StatusCode}} {{context.Response.StatusReason}}", context));
        assertEquals("Contoso 3 Contoso", render("{{context.Variables[\"customer\"]}} {{context.Variables.count}}"
                + " {{context.Variables['customer']}}", context));
        assertEquals("42", render("{{context.Request.MatchedParameters[\"orderId\"]}}", context));
    }

    @Test
    void looksUpHeadersIgnoringCase() throws Exception {
        Map<String, Object> context = requestContext();
        assertEquals("abc-123|abc-123|\"v1\"|\"v1\"",
                render("{{context.Request.Headers[\"x-request-id\"]}}|{{context.Request.Headers[\"X-REQUEST-ID\"]}}"
                        + "|{{context.Response.Headers.etag}}|{{context.Response.Headers.ETAG}}", context));
        assertEquals("", render("{{context.Request.Headers[\"Missing\"]}}", context));
    }

    @Test
    void iteratesHeadersAsKeyValuePairsAsTheApimSnippetDoes() throws Exception {
        String template = """
                {% for header in context.Request.Headers %}
                    {{- header.Key }}: {{ header.Value }}
                {% endfor %}""";
        String out = render(template, requestContext());
        assertEquals("Content-Type: application/json\nX-Request-Id: abc-123\n", out);
    }

    @Test
    void readsJacksonTreesAndJavaDatesInTheContext() throws Exception {
        Map<String, Object> context = Map.of("Variables", Map.of(
                "jsonResponse", MAPPER.readTree("{\"value1\": \"one\", \"list\": [1, 2]}"),
                "when", java.time.Instant.parse("2024-02-29T13:04:05Z")));
        String template = """
                {%- assign vars = context.Variables["jsonResponse"] -%}
                <data val1="{{ vars['value1'] }}" n="{{ vars.list | Size }}" at="{{ context.Variables.when }}" />""";
        assertEquals("<data val1=\"one\" n=\"2\" at=\"02/29/2024 13:04:05\" />", render(template, context));
    }

    @Test
    void escapesHtmlOnlyWhenAsked() throws Exception {
        String body = "{\"text\": \"<b>Tom & 'Jerry'</b>\"}";
        assertEquals("<b>Tom & 'Jerry'</b>", render("{{body.text}}", body, JSON));
        assertEquals("&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;", render("{{body.text | Escape}}", body, JSON));
        assertEquals("&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;", render("{{body.text | H}}", body, JSON));
    }

    @Test
    void writesJsonArraysWithApimsJsonArrayFor() throws Exception {
        String template = """
                {"names": [{% JSONArrayFor item in body.items %}"{{item.name}}"{% endJSONArrayFor %}], "empty": [{% JSONArrayFor x in body.none -%}
                  {{x}}
                {%- endJSONArrayFor %}]}""";
        String out = render(template, "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}", JSON);
        assertEquals("{\"names\": [\"a\",\"b\",\"c\"], \"empty\": []}", out);
        MAPPER.readTree(out);
    }

    @Test
    void writesNumbersAsDotNetDoes() throws Exception {
        String body = "{\"whole\": 3.0, \"half\": 2.5, \"big\": 1e20, \"small\": 0.000001, \"long\": 12345678901234}";
        assertEquals("3 2.5 1E+20 1E-06 12345678901234",
                render("{{body.whole}} {{body.half}} {{body.big}} {{body.small}} {{body.long}}", body, JSON));
    }

    @Test
    void rendersTheSameTemplateFromManyThreadsAtOnce() throws Exception {
        LiquidTemplate template = LiquidTemplate.compile(
                "{% for i in (1..20) %}{{body.id}}{% endfor %}|{{ body.id | Append: '!' }}");
        int threads = 8;
        int rendersPerThread = 200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < rendersPerThread; i++) {
                        String id = thread + "-" + i;
                        String out = template.render(Map.of(), utf8("{\"id\": \"" + id + "\"}"), JSON);
                        assertEquals(id.repeat(20) + "|" + id + "!", out);
                    }
                    return rendersPerThread;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> result : results) {
                total += result.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(threads * rendersPerThread, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
