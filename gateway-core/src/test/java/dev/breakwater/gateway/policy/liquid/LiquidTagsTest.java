package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.JSON;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Liquid's tags work as templates written for APIM use them. */
class LiquidTagsTest {

    private static final String BODY = "{\"status\": \"shipped\", \"n\": 3, \"items\": [\"a\", \"b\", \"c\", \"d\"]}";

    @Test
    void branches() throws Exception {
        assertEquals("yes", render("{% if body.n > 2 and body.status == 'shipped' %}yes{% else %}no{% endif %}", BODY, JSON));
        assertEquals("S", render("{% case body.status %}{% when 'open' %}O{% when 'shipped' %}S{% else %}?{% endcase %}", BODY, JSON));
        assertEquals("ok", render("{% unless body.missing %}ok{% endunless %}", BODY, JSON));
        assertEquals("has b", render("{% if body.items contains 'b' %}has b{% endif %}", BODY, JSON));
    }

    @Test
    void assignsCapturesAndCounts() throws Exception {
        assertEquals("SHIPPED/3", render("{% assign s = body.status | Upcase %}{% capture c %}{{ s }}/{{ body.n }}{% endcapture %}{{ c }}", BODY, JSON));
        assertEquals("012", render("{% increment k %}{% increment k %}{% increment k %}", BODY, JSON));
    }

    @Test
    void loopsWithLiquidsOptions() throws Exception {
        assertEquals("bc", render("{% for i in body.items offset:1 limit:2 %}{{ i }}{% endfor %}", BODY, JSON));
        assertEquals("dcba", render("{% for i in body.items reversed %}{{ i }}{% endfor %}", BODY, JSON));
        assertEquals("ab", render("{% for i in body.items %}{% if i == 'c' %}{% break %}{% endif %}{{ i }}{% endfor %}", BODY, JSON));
        assertEquals("none", render("{% for i in body.missing %}{{ i }}{% else %}none{% endfor %}", BODY, JSON));
    }

    @Test
    void keepsRawTextCommentsAndWhitespaceControl() throws Exception {
        assertEquals("{{ body.n }}", render("{% raw %}{{ body.n }}{% endraw %}", BODY, JSON));
        assertEquals("ab", render("a{% comment %} hidden {{ body.n }} {% endcomment %}b", BODY, JSON));
        assertEquals("[3]", render("[\n  {{- body.n -}}\n]", BODY, JSON));
        assertEquals("[\n  3\n]", render("[\n  {{ body.n }}\n]", BODY, JSON));
    }
}
