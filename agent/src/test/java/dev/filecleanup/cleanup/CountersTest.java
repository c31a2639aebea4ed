package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {
    private final Counters counters = new Counters();

    @Test
    void refusalsAndKeptFilesAreCountedByReasonAndInTotal() {
        counters.countRefused(Refusal.SYMBOLIC_LINK, "'a' (X.file removed): reached through a symbolic link");
        counters.countRefused(Refusal.SYMBOLIC_LINK, "'b' (X.file removed): reached through a symbolic link");
        counters.countRefused(Refusal.OUTSIDE_ROOTS, "'/etc/c' (X.file removed): outside the storage roots");
        counters.countKept(Counters.Kept.STILL_REFERENCED);
        counters.countKept(Counters.Kept.UNCHECKED);

        assertEquals(3, counters.refused());
        assertEquals(2, counters.refused(Refusal.SYMBOLIC_LINK));
        assertEquals(0, counters.refused(Refusal.DIRECTORY));
        assertEquals(2, counters.kept());
        assertEquals(1, counters.kept(Counters.Kept.UNCHECKED));
        assertTrue(counters.summary(false).contains("3 refused"), counters.summary(false));
    }

    @Test
    void onlyTheLatestFailuresAreRememberedOldestFirstWithTheirTime() {
        for (int i = 0; i < Counters.RECENT + 10; i++) {
            counters.countFailed("/srv/uploads/" + i + ".txt: permission denied");
        }
        List<String> recent = counters.recentFailures();
        assertEquals(Counters.RECENT, recent.size());
        assertTrue(recent.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z /srv/uploads/10\\.txt: permission denied"),
                recent.get(0));
        assertTrue(recent.get(recent.size() - 1).endsWith("/" + (Counters.RECENT + 9) + ".txt: permission denied"));
        assertEquals(Counters.RECENT + 10, counters.failed());
        assertEquals(List.of(), counters.recentRefusals());
    }

    @Test
    void nothingHappenedUntilSomethingIsCounted() {
        counters.countReferenceQuery();
        assertFalse(counters.any(), "statements alone are nothing to summarise");
        counters.countReleased(1);
        assertTrue(counters.any());
    }
}
