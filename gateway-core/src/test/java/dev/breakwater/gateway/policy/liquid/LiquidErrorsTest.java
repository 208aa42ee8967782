package dev.breakwater.gateway.policy.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A template that cannot run is refused when it is compiled, with what and where. */
class LiquidErrorsTest {

    private static String refusal(String template) {
        return assertThrows(LiquidException.class, () -> LiquidTemplate.compile(template)).getMessage();
    }

    @Test
    void namesTheLineAndColumnOfASyntaxError() {
        String message = refusal("{\n  \"a\": \"{{ body.a }}\",\n  \"b\": \"{{ body.b | }}\"\n}");
        assertTrue(message.startsWith("invalid Liquid template at line 3, column "), message);
        assertTrue(message.contains("syntax error"), message);
    }

    @Test
    void refusesABlockThatIsNotClosed() {
        String message = refusal("{% for item in body.items %}\n{{ item }}\n");
        assertTrue(message.startsWith("invalid Liquid template at line "), message);
    }

    @Test
    void namesAnUnknownFilter() {
        String message = refusal("{\n  \"a\": \"{{ body.a | Upcase | Shout: 2 }}\"\n}");
        assertEquals("invalid Liquid template at line 2, column 30: unknown filter 'Shout'", message);
        assertTrue(refusal("{{ body.a | reverse }}").contains("unknown filter 'reverse'"),
                "a Liquid filter APIM does not document is refused too");
    }

    @Test
    void refusesIncludeAndUnknownTags() {
        assertTrue(refusal("{% include 'secrets.txt' %}").contains("the include tag is not supported"));
        String unknown = refusal("{% frobnicate %}");
        assertTrue(unknown.startsWith("invalid Liquid template"), unknown);
    }

    @Test
    void reportsAFilterThatFailsWhileRendering() throws Exception {
        LiquidTemplate template = LiquidTemplate.compile("{{ body.a | Replace: '(', 'x' }}");
        LiquidException e = assertThrows(LiquidException.class,
                () -> template.render(Map.of(), LiquidTesting.utf8("{\"a\": \"text\"}"), LiquidTesting.JSON));
        assertTrue(e.getMessage().startsWith("Liquid template failed to render: error on line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("'(' is not a valid regular expression"), e.getMessage());
    }
}
