package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compiles every expression of the APIM policy corpus and prints the share that compiles, with the
 * reasons for the others grouped. A compile failure must be an ExpressionException (never a crash).
 */
class CorpusExpressionsTest {

    static Path corpus() {
        String configured = System.getProperty("breakwater.corpus");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/corpus/apim-policies"));
            candidates.add(dir.resolve("../shared/corpus/apim-policies").normalize());
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    @Test
    void everyCorpusExpressionCompilesOrIsRefusedWithAReason() throws IOException {
        Path root = corpus();
        assumeTrue(root != null, "the APIM policy corpus is not available next to the repository");
        int total = 0;
        int compiled = 0;
        Map<String, List<String>> reasons = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String doc = Files.readString(file, StandardCharsets.UTF_8);
            for (CorpusScanner.Found f : CorpusScanner.scan(doc)) {
                total++;
                try {
                    Expressions.COMPILER.compile(f.text(), ExpectedType.OBJECT, f.line());
                    compiled++;
                } catch (ExpressionException e) {
                    String reason = e.getMessage().replaceFirst("^line \\d+: ", "");
                    reasons.computeIfAbsent(reason, k -> new ArrayList<>())
                            .add(root.relativize(file) + ":" + e.line());
                }
            }
        }
        System.out.printf("Corpus expressions: %d of %d compile (%.1f%%) in %d documents%n", compiled, total,
                100.0 * compiled / Math.max(total, 1), files.size());
        reasons.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> System.out.printf("  %3d  %s%n         e.g. %s%n", e.getValue().size(), e.getKey(),
                        String.join(", ", e.getValue().subList(0, Math.min(3, e.getValue().size())))));
        assertTrue(total > 500, "the scanner found " + total + " expressions");
        // 677 of 699 compiled when this was written; the rest are invalid C# or XML (not supported yet).
        assertTrue(compiled >= total * 0.96, "only " + compiled + " of " + total + " corpus expressions compile");
    }
}
