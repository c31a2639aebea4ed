package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late attach: the agent attached to a running JVM watches the SessionFactories built after the attach. */
class LateAttachIT {
    @TempDir
    Path root;

    @Test
    void attachingToARunningJvmWorksForSessionFactoriesBuiltAfterwards() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfilecleanup.roots=" + root, "-Dfilecleanup.attributes=Document.filePath",
                "-cp", AgentRun.classpath(), "com.example.uploads.Scenarios", "late-attach", root.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("waiting for the agent, pid ")) {
                    String pid = line.substring(line.lastIndexOf(' ') + 1);
                    ByteBuddyAgent.attach(AgentRun.agentJar().toFile(), pid);
                    Files.createFile(root.resolve("attached"));
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output.toString());
        AgentRun.Result result = new AgentRun.Result(process.exitValue(), output.toString()).succeeded();
        result.assertLogged("attached to a running JVM: SessionFactories built before now are not watched");
        new Folder(root, result).deleted("remove/em.txt", "remove/proxy.txt").kept("remove/unflushed.txt");
    }
}
