package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.JSON;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The filters APIM documents, by their PascalCase names and by Liquid's. */
class ApimFiltersTest {

    private static final String BODY = """
            {"name": "  tom jerry  ", "n": 7, "price": 1234.5, "tags": ["b", "a", "b", null, "c"],
             "people": [{"name": "Ann", "age": 31}, {"name": "Bob", "age": 27}],
             "text": "line one\\nline two", "html": "<p>Hi <b>there</b></p>", "url": "a b&c=d/é"}""";

    private static String apply(String template) throws LiquidException {
        return render(template, BODY, JSON);
    }

    @Test
    void knowsEveryDocumentedFilterByItsPascalSnakeAndLowerCaseName() throws Exception {
        List<String> documented = List.of("Abs", "Append", "AtLeast", "AtMost", "Capitalize", "Compact", "Currency",
                "Date", "Default", "DividedBy", "Downcase", "Escape", "First", "H", "Join", "Last", "Lstrip", "Map",
                "Minus", "Modulo", "NewlineToBr", "Plus", "Prepend", "Remove", "RemoveFirst", "Replace",
                "ReplaceFirst", "Round", "Rstrip", "Size", "Slice", "Sort", "Split", "Strip", "StripHtml",
                "StripNewlines", "Times", "Truncate", "TruncateWords", "Uniq", "Upcase", "UrlDecode", "UrlEncode");
        assertEquals(new java.util.TreeSet<>(documented), new java.util.TreeSet<>(ApimFilters.documentedNames()));
        for (String name : documented) {
            for (String alias : List.of(name, ApimFilters.snakeCase(name), name.toLowerCase(Locale.ROOT))) {
                LiquidTemplate.compile("{{ body.x | " + alias + " }}");
            }
        }
        assertTrue(ApimFilters.isKnown("at_least") && ApimFilters.isKnown("truncatewords") && ApimFilters.isKnown("strip_html"));
    }

    @Test
    void transformsStrings() throws Exception {
        assertEquals("[TOM JERRY]", apply("[{{ body.name | Strip | Upcase }}]"));
        assertEquals("[tom jerry  ]|[  tom jerry]", apply("[{{ body.name | Lstrip }}]|[{{ body.name | rstrip }}]"));
        assertEquals("Tom jerry", apply("{{ body.name | Strip | Capitalize }}"));
        assertEquals("Mr. tom jerry!", apply("{{ body.name | Strip | Prepend: 'Mr. ' | Append: '!' }}"));
        assertEquals("tom...", apply("{{ body.name | Strip | Truncate: 6 }}"));
        assertEquals("tom...", apply("{{ body.name | Strip | TruncateWords: 1 }}"));
        assertEquals("line one<br />\nline two|line oneline two", apply("{{ body.text | NewlineToBr }}|{{ body.text | StripNewlines }}"));
        assertEquals("Hi there", apply("{{ body.html | StripHtml }}"));
        assertEquals("a+b%26c%3Dd%2F%C3%A9|a b&c=d/é", apply("{{ body.url | UrlEncode }}|{{ body.url | UrlEncode | UrlDecode }}"));
        assertEquals("tm jrry", apply("{{ body.name | Strip | Remove: 'e' | Remove: 'o' }}"));
        assertEquals("9", apply("{{ body.name | Strip | Size }}"));
        assertEquals("om", apply("{{ body.name | Strip | Slice: 1, 2 }}"));
        assertEquals("fallback|7", apply("{{ body.missing | Default: 'fallback' }}|{{ body.n | Default: 'fallback' }}"));
    }

    @Test
    void replacesWithDotNetRegularExpressionsAsDotLiquidDoes() throws Exception {
        assertEquals("jerry, tom", apply("{{ body.name | Strip | Replace: '(\\w+) (\\w+)', '$2, $1' }}"));
        assertEquals("t_m jerry", apply("{{ body.name | Strip | ReplaceFirst: '[aeiou]', '_' }}"));
        assertEquals("tm jerry", apply("{{ body.name | Strip | RemoveFirst: 'o' }}"));
        assertEquals("$ and tom", apply("{{ body.name | Strip | Replace: ' jerry', '' | Replace: '^', '$$ and ' }}"));
        // APIM's generated SOAP-to-REST template escapes for JSON this way: a backslash in the replacement is literal.
        String generated = "{{ body.text | Replace: '\\r', '\\r' | Replace: '\\n', '\\n' | Replace: '([^\\\\](\\\\\\\\)*)\"', '$1\\\"' }}";
        assertEquals("line one\\nline two", apply(generated));
        assertEquals("say \\\"hi\\\"", render(generated.replace("body.text", "body.q"), "{\"q\": \"say \\\"hi\\\"\"}", JSON));
    }

    @Test
    void computesWithNumbers() throws Exception {
        assertEquals("10 4 21 3 1", apply("{{ body.n | Plus: 3 }} {{ body.n | Minus: 3 }} {{ body.n | Times: 3 }}"
                + " {{ body.n | DividedBy: 2 | Minus: 0 }} {{ body.n | Modulo: 2 }}"));
        assertEquals("3.5 1235 1234.5", apply("{{ body.n | DividedBy: 2.0 }} {{ body.price | Round }} {{ body.price | Round: 1 }}"));
        assertEquals("7 10 5 5", apply("{{ body.n | Minus: 14 | Abs }} {{ body.n | AtLeast: 10 }} {{ body.n | AtMost: 5 }}"
                + " {{ body.n | at_most: 5 }}"));
        assertEquals("¤1,234.50|$1,234.50|¤7.00", apply("{{ body.price | Currency }}|{{ body.price | Currency: 'en-US' }}|{{ body.n | Currency }}"));
    }

    @Test
    void workWithLists() throws Exception {
        assertEquals("b", apply("{{ body.tags | First }}"));
        assertEquals("c", apply("{{ body.tags | Last }}"));
        assertEquals("b-a-b-c", apply("{{ body.tags | Compact | Join: '-' }}"));
        assertEquals("a,b,c", apply("{{ body.tags | Compact | Uniq | Sort | Join: ',' }}"));
        assertEquals("Ann+Bob", apply("{{ body.people | Map: 'name' | Join: '+' }}"));
        assertEquals("Bob", apply("{{ body.people | Sort: 'age' | Map: 'name' | First }}"));
        assertEquals("3:x", apply("{% assign parts = 'x,y,z' | Split: ',' %}{{ parts | Size }}:{{ parts | First }}"));
    }
}
