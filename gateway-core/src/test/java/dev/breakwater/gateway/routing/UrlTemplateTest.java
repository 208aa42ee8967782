package dev.breakwater.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    @Test
    void literalTemplateMatchesOnlyItsPath() {
        UrlTemplate template = UrlTemplate.parse("/items/new");
        assertArrayEquals(new String[0], template.match("/items/new"));
        assertArrayEquals(new String[0], template.match("/items/new/"), "a trailing slash is not significant");
        assertNull(template.match("/items"));
        assertNull(template.match("/items/new/more"));
        assertNull(template.match("/items/newer"));
        assertNull(template.match("/Items/new"), "matching is case-sensitive");
    }

    @Test
    void parametersTakeOneNonEmptySegmentRaw() {
        UrlTemplate template = UrlTemplate.parse("/users/{userId}/orders/{orderId}");
        assertEquals(List.of("userId", "orderId"), template.parameterNames());
        assertArrayEquals(new String[] {"42", "a%2Fb"}, template.match("/users/42/orders/a%2Fb"));
        assertNull(template.match("/users//orders/1"), "an empty segment is no value");
        assertNull(template.match("/users/42/orders"));
    }

    @Test
    void rootTemplateMatchesEmptyAndSlash() {
        UrlTemplate root = UrlTemplate.parse("/");
        assertArrayEquals(new String[0], root.match(""));
        assertArrayEquals(new String[0], root.match("/"));
        assertNull(root.match("/x"));
    }

    @Test
    void patternSegmentsMixLiteralAndParameters() {
        UrlTemplate template = UrlTemplate.parse("/files/{name}.{ext}");
        assertArrayEquals(new String[] {"report", "pdf"}, template.match("/files/report.pdf"));
        assertNull(template.match("/files/report"));
    }

    @Test
    void wildcardTakesTheRestOfThePath() {
        assertArrayEquals(new String[] {"a/b/c"}, UrlTemplate.parse("/static/{*rest}").match("/static/a/b/c"));
        assertArrayEquals(new String[] {""}, UrlTemplate.parse("/static/{*rest}").match("/static"));
        assertArrayEquals(new String[0], UrlTemplate.parse("/*").match("/anything/at/all"));
    }

    @Test
    void moreSpecificTemplatesSortFirst() {
        List<UrlTemplate> templates = new ArrayList<>(List.of(UrlTemplate.parse("/items/*"),
                UrlTemplate.parse("/items/{id}"), UrlTemplate.parse("/items/{id}.json"), UrlTemplate.parse("/items/new")));
        templates.sort(null);
        assertEquals(List.of("/items/new", "/items/{id}.json", "/items/{id}", "/items/*"),
                templates.stream().map(UrlTemplate::text).toList());
    }

    @Test
    void shapesIgnoreParameterNames() {
        assertEquals(UrlTemplate.parse("/a/{x}").shape(), UrlTemplate.parse("/a/{y}/").shape());
    }

    @Test
    void malformedTemplatesAreRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("items"))
                .getMessage().contains("must start with '/'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/a/{id"))
                .getMessage().contains("without its '}'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/a/{id}/{id}"))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/*/a"))
                .getMessage().contains("last segment"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/search?q={q}"))
                .getMessage().contains("not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/a//b"))
                .getMessage().contains("empty segment"));
    }
}
