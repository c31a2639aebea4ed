package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late attach: the agent attached to a running JVM watches the SessionFactories built after the attach. */
class LateAttachIT {
    @TempDir
    Path root;

    @Test
    void attachingToARunningJvmWorksForSessionFactoriesBuiltAfterwards() throws Exception {
        AgentRun.Result result = AgentRun.in(root).attachLater().scenario("late-attach").succeeded();
        result.assertLogged("attached to a running JVM: SessionFactories built before now are not watched");
        new Folder(root, result).deleted("remove/em.txt", "remove/proxy.txt").kept("remove/unflushed.txt");
    }
}
