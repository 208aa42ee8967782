package dev.breakwater.gateway.policy.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/**
 * Reads every document of the public APIM policy corpus ({@code shared/corpus/apim-policies},
 * found above the working directory or named by {@code -Dbreakwater.corpus=DIR}) as written and
 * through the lenient pre-pass, and prints how many are well-formed each way and why the rest
 * are not, grouped. It fails if the pre-pass changes how an already well-formed document reads
 * (other than keeping line breaks in attribute expressions) or the line structure of any document,
 * or if an expression in a document it makes readable is not read whole.
 */
class ApimCorpusWellFormedTest {

    @Test
    void corpusReadsAsApimReadsIt() throws Exception {
        Path corpus = corpusDirectory();
        Assumptions.assumeTrue(corpus != null,
                "the APIM policy corpus is neither at -Dbreakwater.corpus nor in shared/corpus/apim-policies above "
                        + Paths.get("").toAbsolutePath() + ": skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        }
        int before = 0;
        int after = 0;
        int unchanged = 0;
        int expressions = 0;
        Map<String, List<String>> remaining = new TreeMap<>();
        for (Path file : files) {
            String name = corpus.relativize(file).toString();
            String written = read(file);
            String rewritten = LenientXml.wellFormed(written);
            assertEquals(written.split("\n", -1).length, rewritten.split("\n", -1).length, "lines of " + name);
            if (problem(written) == null) {
                before++;
                unchanged += written.equals(rewritten) ? 1 : 0;
                assertEquals(flattened(SaxElements.parse(written)), flattened(SaxElements.parse(rewritten)),
                        "a well-formed document must read as before: " + name);
            }
            String problem = problem(rewritten);
            if (problem == null) {
                after++;
                for (String expression : expressions(SaxElements.parse(rewritten))) {
                    expressions++;
                    assertEquals(expression.length(), new ExpressionScanner(new XmlChars(expression)).endOf(0),
                            "an expression must be read whole, neither cut short nor run on: " + name + ": " + expression);
                }
            } else {
                remaining.computeIfAbsent(problem, k -> new ArrayList<>()).add(name);
            }
        }
        System.out.printf("APIM corpus, %d documents: well-formed as written %d (%d%%), after the lenient pre-pass %d (%d%%)%n"
                        + "  (of the %d well-formed as written, %d come out byte for byte; the others keep line breaks"
                        + " in attribute expressions)%n", files.size(), before, 100 * before / files.size(),
                after, 100 * after / files.size(), before, unchanged);
        System.out.printf("  %d policy expressions read, each one whole%n", expressions);
        remaining.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(group -> System.out.printf("  %3d  %s%n%s", group.getValue().size(), group.getKey(),
                        group.getValue().stream().map(f -> "         " + f + "\n").collect(Collectors.joining())));
    }

    /**
     * The elements with line breaks and tabs in attribute values turned into spaces, as the parser
     * does when they are written raw: what a well-formed document read as before the pre-pass.
     */
    private static List<SaxElements.Element> flattened(List<SaxElements.Element> elements) {
        return elements.stream().map(e -> new SaxElements.Element(e.name(),
                e.attributes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        a -> a.getValue().replaceAll("[\\t\\n]", " "))), e.text(), e.line()))
                .collect(Collectors.toList());
    }

    /** The attribute values and element texts that are one policy expression, trimmed. */
    private static List<String> expressions(List<SaxElements.Element> elements) {
        return elements.stream()
                .flatMap(e -> Stream.concat(e.attributes().values().stream(), Stream.of(e.text())))
                .map(String::strip)
                .filter(value -> value.startsWith("@(") || value.startsWith("@{"))
                .collect(Collectors.toList());
    }

    /** The parser's complaint with names and numbers taken out, so that alike errors group; null if well-formed. */
    private static String problem(String document) {
        try {
            SaxElements.parse(document);
            return null;
        } catch (SAXParseException e) {
            return e.getMessage().replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Files from Windows editors may start with a byte order mark, which is not part of the document. */
    private static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
