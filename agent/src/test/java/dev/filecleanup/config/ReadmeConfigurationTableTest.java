package dev.filecleanup.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's configuration table must list exactly the options the code reads, with their defaults. */
class ReadmeConfigurationTableTest {

    @Test
    void theTableMatchesTheCode() throws Exception {
        List<String> documented = new ArrayList<>();
        boolean configuration = false;
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            if (line.startsWith("## ")) {
                // Only the Configuration section's table: other tables name meters that share the prefix.
                configuration = line.equals("## Configuration");
            }
            if (configuration && line.startsWith("| `" + ConfigOption.PREFIX)) {
                String[] cells = line.split("\\|");
                documented.add(cells[1].trim() + " " + cells[2].trim() + " " + cells[3].trim());
            }
        }
        List<String> expected = new ArrayList<>();
        for (ConfigOption option : ConfigOption.values()) {
            String defaultValue = option.defaultValue().isEmpty() ? "(none)" : "`" + option.defaultValue() + "`";
            expected.add("`" + option.key() + "` `" + option.environmentName() + "` " + defaultValue);
        }
        assertEquals(expected, documented);
    }
}
