package dev.breakwater.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code strings} or {@code grep -c} on a directory would show: whether some bytes are
 * anywhere in its files, for tests of secrets at rest.
 */
public final class FileScan {

    private FileScan() {
    }

    /** The files directly in the directory whose names are not {@code except}, containing the text (UTF-8). */
    public static List<Path> filesContaining(Path directory, String text, String... except) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> skipped = List.of(except);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !skipped.contains(file.getFileName().toString()))
                    .filter(file -> contains(read(file), needle))
                    .toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
