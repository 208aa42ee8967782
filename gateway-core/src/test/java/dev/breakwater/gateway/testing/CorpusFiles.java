package dev.breakwater.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public APIM policy corpus ({@code shared/corpus/apim-policies}, found above the working
 * directory or named by {@code -Dbreakwater.corpus=DIR}), for compatibility tests; absent on a
 * machine without it, and the tests then skip.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The corpus directory, or {@code null}. */
    public static Path directory() {
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

    /** Every .xml file below the corpus directory, sorted. */
    public static List<Path> xmlFiles(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        }
    }

    /** A file's text, without a byte order mark. */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
