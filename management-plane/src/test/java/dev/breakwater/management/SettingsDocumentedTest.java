package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table of the management plane names every setting, with its default. */
class SettingsDocumentedTest {

    @Test
    void readmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting setting : ManagementSettings.ALL) {
            String row = "| `" + setting.name() + "` | " + (setting.defaultValue() == null ? "—"
                    : "`" + setting.defaultValue() + "`") + " |";
            assertTrue(readme.contains(row), "README.md has no row " + row);
        }
    }
}
