package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MBean {@code dev.filecleanup:type=FileCleanup}, read by the application through the platform MBean server
 * as any JMX client would (see {@code ManagementProbe}). Refusals and failures by reason are in {@link SafetyIT}.
 */
class ManagementIT {
    @TempDir
    Path root;

    /** Read the instant the commit returns, the counts would trail behind: only a real drain makes them whole. */
    @Test
    void drainNowChecksAndDeletesEverythingPendingBeforeItAnswers() throws Exception {
        AgentRun.Result result = AgentRun.in(root).mbean().scenario("burst", "3000").succeeded();
        assertEquals("true", result.mbean("drainNow"));
        assertEquals("3000", result.mbean("Released"));
        assertEquals("3000", result.mbean("Deleted"));
        assertEquals("0", result.mbean("Pending"));
        assertEquals("{changed_since_released=0, existed_before=0, still_referenced=0, unchecked=0}", result.mbean("KeptByReason"));
        assertTrue(result.mbean("WatchedAttributes").startsWith("{uploads=[Article.cover.path, Article.creditsFile, "),
                result.mbean("WatchedAttributes"));
        assertTrue(result.mbean("Journaled").equals("3000"), "the default file journal holds each released value");
    }

    @Test
    void filesKeptBecauseARowStillNamesThemAreCountedByThatReason() throws Exception {
        AgentRun.Result result = AgentRun.in(root).mbean().scenario("converted").succeeded();
        assertEquals("2", result.mbean("Kept"));
        assertEquals("{changed_since_released=0, existed_before=0, still_referenced=2, unchecked=0}", result.mbean("KeptByReason"));
        assertEquals(result.mbean("Released"), String.valueOf(result.summary("released")));
    }

    @Test
    void withJmxOffNoMBeanIsRegisteredAndFilesAreStillDeleted() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.jmx", "false").mbean()
                .option("testapp.mbean.wait", "3").scenario("remove").succeeded();
        result.assertLogged("mbean not registered");
        assertFalse(result.output().contains("mbean Deleted="), result.output());
        new Folder(root, result).deleted("remove/em.txt");
    }
}
