package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code premain} leaves to the first Hibernate class: read from the JVM's own class-loading log, since
 * a JVM that never loads Hibernate must not load Byte Buddy, open the journal or start a thread.
 */
class StartupIT {
    private static final String BYTE_BUDDY = "dev.filecleanup.shaded.bytebuddy.";

    @TempDir
    Path root;

    @TempDir
    Path home;

    @Test
    void aJvmWithoutHibernateLoadsNoByteBuddyAndOpensNoJournal() throws Exception {
        Path classes = home.resolve("classes.log");
        AgentRun.Result result = AgentRun.in(root).option("user.home", home.toString())
                .jvmOption("-Xlog:class+load=info:file=" + classes).mainClass("com.example.uploads.NoHibernate")
                .scenario("plain").succeeded();
        result.assertLogged("no Hibernate in plain");
        List<String> loaded = Files.readAllLines(classes);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.filecleanup.HibernateTrigger ")),
                "the agent's trigger was not installed");
        assertEquals(List.of(), loaded.stream().filter(line -> line.contains(BYTE_BUDDY)).limit(5).toList(),
                "Byte Buddy was loaded without Hibernate");
        assertFalse(Files.exists(home.resolve(".filecleanup")), "the journal was opened without Hibernate");
        assertFalse(result.logged("file-cleanup"), result.output());
    }

    @Test
    void theFirstHibernateClassStartsTheAgentAndALaterStartReusesTheWovenClasses() throws Exception {
        Path classes = home.resolve("classes.log");
        AgentRun.Result first = AgentRun.in(root).option("user.home", home.toString())
                .jvmOption("-Xlog:class+load=info:file=" + classes).scenario("remove").succeeded();
        assertTrue(Files.readAllLines(classes).stream().anyMatch(line -> line.contains(BYTE_BUDDY)),
                "Byte Buddy never started");
        assertTrue(Files.isDirectory(home.resolve(".filecleanup/woven")), "the woven classes were not kept");
        first.assertLogged("installed on Java");
        new Folder(root, first).deleted("remove/em.txt");

        // The same agent jar and Hibernate again: the woven classes are read back, and Byte Buddy stays cold.
        AgentRun.Result second = AgentRun.in(root).option("user.home", home.toString())
                .jvmOption("-Xlog:class+load=info:file=" + classes).scenario("remove").succeeded();
        assertEquals(List.of(), Files.readAllLines(classes).stream().filter(line -> line.contains(BYTE_BUDDY))
                .limit(5).toList(), "Byte Buddy was started although every advised class was kept");
        new Folder(root, second).deleted("remove/em.txt", "remove/session.txt", "remove/proxy.txt");
    }
}
