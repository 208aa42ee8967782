package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.JSON;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A template cannot hang or flood the gateway: each limit stops the render with a clear error. */
class LiquidLimitsTest {

    private static final LiquidLimits SMALL = new LiquidLimits(Duration.ofMillis(200), 1_000, 10_000);

    private static LiquidTemplate compile(String template, LiquidLimits limits) throws LiquidException {
        return LiquidTemplate.compile(template, BodyBinding.APIM_DEFAULT, limits, Clock.systemUTC());
    }

    private static String failure(String template, LiquidLimits limits, String body) throws LiquidException {
        LiquidTemplate compiled = compile(template, limits);
        return assertThrows(LiquidException.class, () -> compiled.render(Map.of(), utf8(body), JSON)).getMessage();
    }

    @Test
    void stopsAtTheIterationLimitCountingAllLoopsOfOneRender() throws Exception {
        assertEquals("Liquid template went past 1000 loop iterations",
                failure("{% for i in (1..1000000000) %}{% endfor %}", SMALL, "{}"));
        assertEquals("Liquid template went past 1000 loop iterations",
                failure("{% for i in (1..40) %}{% for j in (1..40) %}{% endfor %}{% endfor %}", SMALL, "{}"));
    }

    @Test
    void countsIterationsPerRenderNotPerTemplate() throws Exception {
        LiquidTemplate template = compile("{% for i in (1..600) %}{% endfor %}ok", SMALL);
        for (int i = 0; i < 5; i++) {
            assertEquals("ok", template.render(Map.of(), new byte[0], null), "render " + i);
        }
    }

    @Test
    void stopsAtTheOutputLimit() throws Exception {
        assertEquals("Liquid template output exceeds 10000 characters",
                failure("{% for i in (1..900) %}{{ body.s }}{% endfor %}", SMALL, "{\"s\": \"0123456789abcdef\"}"));
    }

    @Test
    void stopsAStringThatDoublesItselfBeforeItFillsTheMemory() throws Exception {
        String doubling = "{% assign s = 'xx' %}{% for i in (1..60) %}{% assign s = s | Append: s %}{% endfor %}{{ s | Size }}";
        assertEquals("Liquid template output exceeds 10000 characters", failure(doubling, SMALL, "{}"));
    }

    @Test
    void stopsARunawayRegularExpressionAtTheTimeLimit() throws Exception {
        // Polynomial backtracking of degree 10 (Java's regex memoises the classic (a+)+b, not this).
        String evil = "{{ body.s | Replace: '(.*a){10}z', 'x' }}";
        assertEquals("Liquid template took longer than 200 ms to render",
                failure(evil, SMALL, "{\"s\": \"" + "a".repeat(40) + "\"}"));
    }

    @Test
    void keepsWorkingAfterALimitWasHit() throws Exception {
        LiquidTemplate template = compile("{% for i in (1..body.n) %}x{% endfor %}", SMALL);
        assertThrows(LiquidException.class, () -> template.render(Map.of(), utf8("{\"n\": 5000}"), JSON));
        assertEquals("xxx", template.render(Map.of(), utf8("{\"n\": 3}"), JSON));
    }
}
