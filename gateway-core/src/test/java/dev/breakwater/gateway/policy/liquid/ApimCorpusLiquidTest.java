package dev.breakwater.gateway.policy.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compiles the Liquid template of every {@code <set-body template="liquid">} in the public APIM
 * policy corpus ({@code shared/corpus/apim-policies} above the working directory, or
 * {@code -Dbreakwater.corpus=DIR}) and prints how many compile. The documents need not be
 * well-formed XML, so the templates are cut out as text; XML entities are decoded as a reader would.
 */
class ApimCorpusLiquidTest {

    private static final Pattern LIQUID_SET_BODY =
            Pattern.compile("<set-body\\b[^>]*template\\s*=\\s*[\"']liquid[\"'][^>]*>(.*?)</set-body>", Pattern.DOTALL);

    @Test
    void everyCorpusTemplateCompiles() throws IOException {
        Path corpus = corpusDirectory();
        Assumptions.assumeTrue(corpus != null, "the APIM policy corpus is not found: skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        int documents = 0;
        int templates = 0;
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            Matcher matcher = LIQUID_SET_BODY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            boolean found = false;
            while (matcher.find()) {
                found = true;
                templates++;
                try {
                    LiquidTemplate.compile(decodeEntities(matcher.group(1)));
                } catch (LiquidException e) {
                    refused.add(corpus.relativize(file) + ": " + e.getMessage());
                }
            }
            documents += found ? 1 : 0;
        }
        System.out.printf("APIM corpus: %d Liquid templates in %d documents, %d compile%n",
                templates, documents, templates - refused.size());
        refused.forEach(r -> System.out.println("  refused: " + r));
        assertTrue(templates > 0, "the corpus has Liquid templates");
        assertEquals(List.of(), refused);
    }

    private static String decodeEntities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static Path corpusDirectory() {
        String configured = System.getProperty("breakwater.corpus");
        if (configured != null) {
            return Files.isDirectory(Paths.get(configured)) ? Paths.get(configured) : null;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/apim-policies");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
