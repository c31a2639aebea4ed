package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run only by test-app/hibernate-5.4-unsupported: on a Hibernate the agent does not support, it warns once,
 * instruments nothing, and the application runs as if the agent were absent.
 */
class UnsupportedVersionIT {
    @TempDir
    Path root;

    @Test
    void anUnsupportedHibernateGetsOneWarningAndIsLeftAlone() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("remove").succeeded();
        result.assertLogged("hibernate-core-" + org.hibernate.Version.getVersionString() + ".jar");
        result.assertLogged("is not a supported version (supported: ");
        result.assertLogged("file cleanup is off for it");
        result.assertNeverMentioned("remove/");
        result.assertLogged("scenario remove finished");
        new Folder(root, result).kept("remove/em.txt", "remove/session.txt", "remove/proxy.txt");
    }
}
