package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control: the same application without the agent leaves every file behind. If this failed, the other
 * tests would prove nothing about the agent.
 */
class WithoutAgentIT {
    @TempDir
    Path root;

    @Test
    void withoutTheAgentNothingIsDeleted() throws Exception {
        AgentRun.Result result = AgentRun.in(root).withoutAgent().scenario("remove").succeeded();
        new Folder(root, result).kept("remove/em.txt", "remove/session.txt", "remove/db-value.txt",
                "remove/proxy.txt");
    }
}
