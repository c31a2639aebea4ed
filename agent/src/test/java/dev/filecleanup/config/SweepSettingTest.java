package dev.filecleanup.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSettingTest {
    @TempDir
    Path temp;

    private AgentConfig config(String... keyValues) throws Exception {
        Map<String, String> system = new HashMap<>();
        system.put("user.home", temp.toString());
        system.put("filecleanup.roots", Files.createDirectories(temp.resolve("uploads")).toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            system.put(keyValues[i], keyValues[i + 1]);
        }
        return AgentConfig.from(Map.of(), system, Map.of());
    }

    @Test
    void offByDefaultWithTheIssuesDefaults() throws Exception {
        SweepSetting sweep = config().sweep();
        assertEquals(SweepSetting.Mode.OFF, sweep.mode());
        assertTrue(sweep.atStartup());
        assertNull(sweep.every());
        assertEquals(Duration.ofHours(24), sweep.minAge());
        assertEquals(1000, sweep.rate());
        assertFalse(sweep.force());
        assertNull(sweep.reports(), "the sweep is off: no folder is looked at");
    }

    @Test
    void readsEverySetting() throws Exception {
        SweepSetting sweep = config("filecleanup.sweep", "delete", "filecleanup.sweep.at", "none",
                "filecleanup.sweep.every", "PT6H", "filecleanup.sweep.minAge", "2m", "filecleanup.sweep.exclude",
                " tmp/** , cache/**", "filecleanup.sweep.rate", "50", "filecleanup.sweep.force", "true").sweep();
        assertEquals(SweepSetting.Mode.DELETE, sweep.mode());
        assertFalse(sweep.atStartup());
        assertEquals(Duration.ofHours(6), sweep.every());
        assertEquals(Duration.ofMinutes(2), sweep.minAge());
        assertEquals(List.of("tmp/**", "cache/**"), sweep.exclude());
        assertEquals(50, sweep.rate());
        assertTrue(sweep.force());
        assertEquals(temp.resolve(".filecleanup/sweep"), sweep.reports());
    }

    @Test
    void refusesWhatCouldSweepTheWrongFiles() {
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep", "yes"));
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep", "report",
                "filecleanup.sweep.reports", temp.resolve("uploads/reports").toString()));
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep.exclude", "../elsewhere/**"));
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep.every", "0s"));
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep.rate", "0"));
        assertThrows(IllegalArgumentException.class, () -> config("filecleanup.sweep.at", "noon"));
    }
}
