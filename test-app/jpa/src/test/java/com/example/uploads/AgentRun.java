package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Starts the test application in its own JVM with the built agent jar attached, the way a user would, and
 * collects what it printed. Set {@code -Dtestapp.withoutAgent=true} to run every test without the agent: they
 * must then fail (apart from the controls named in the README), which shows they test the agent and not the
 * application.
 */
public final class AgentRun {
    static final String ATTRIBUTES = "Document.filePath,*.avatar,Photo.path,Thumbnail.path,Attachment.path,"
            + "Media.file,StoredFile.storagePath,Memo.attachment,Note.file,Article.cover.path,Article.gallery,"
            + "Article.figures.file,Article.creditsFile,Asset.path,Transcript.file,Vault.*,Summary.path,"
            + "ArchivedFile.path,Dossier.attachment.path,Gallery.images,"
            + "Gallery.frames.file,Portrait.file,Link.location";

    private final Path root;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private boolean withAgent = !Boolean.getBoolean("testapp.withoutAgent");
    private boolean attachLater;
    private String agentArgument;
    private Path applicationJar;
    private String mainClass = "com.example.uploads.Scenarios";
    private Path enhancedClasses;

    private AgentRun(Path root) {
        this.root = root;
        option("filecleanup.roots", root.toString());
        option("filecleanup.attributes", ATTRIBUTES);
        option("filecleanup.exclude", "Document.archivePath");
    }

    public static AgentRun in(Path root) {
        return new AgentRun(root);
    }

    public AgentRun option(String key, String value) {
        jvmOptions.removeIf(option -> option.startsWith("-D" + key + "="));
        jvmOptions.add("-D" + key + "=" + value);
        return this;
    }

    /** Points the application at {@code database}, after checking that it is reachable. */
    public AgentRun database(Database database) {
        database.assumeReachable();
        jvmOptions.addAll(database.options());
        return this;
    }

    /** A JVM option as it is, such as {@code -Xlog:...}. */
    AgentRun jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    AgentRun withoutOption(String key) {
        jvmOptions.removeIf(option -> option.startsWith("-D" + key + "="));
        return this;
    }

    AgentRun environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    AgentRun agentArgument(String argument) {
        this.agentArgument = argument;
        return this;
    }

    /** Starts the application as {@code java -jar} (a Spring Boot fat jar) instead of the JPA scenario runner. */
    public AgentRun jar(Path jar) {
        this.applicationJar = jar;
        return this;
    }

    AgentRun mainClass(String name) {
        this.mainClass = name;
        return this;
    }

    AgentRun withoutAgent() {
        this.withAgent = false;
        return this;
    }

    /**
     * Starts the application without {@code -javaagent} and attaches the agent once it says it waits for it
     * (the {@code late-attach} scenario), as {@code jcmd} or the Attach API would.
     */
    AgentRun attachLater() {
        this.attachLater = true;
        return this;
    }

    /** Runs these entity classes bytecode-enhanced by the Hibernate under test. */
    public AgentRun enhanced(String... classNames) throws IOException {
        this.enhancedClasses = Enhanced.classes(classNames);
        return this;
    }

    /** Logs at debug level, where the agent also names every value it captures. */
    public AgentRun debug() {
        return option("filecleanup.logLevel", "debug");
    }

    /** After the scenario, the application drains the agent through its MBean and prints what the MBean shows. */
    public AgentRun mbean() {
        return option("testapp.mbean", "true");
    }

    public Result scenario(String name, String... arguments) throws IOException, InterruptedException {
        return start(name, arguments).await();
    }

    /** Starts the scenario and returns at once: for several JVMs at a time, one of which may be killed. */
    public Running start(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        if (withAgent && !attachLater) {
            command.add("-javaagent:" + agentJar() + (agentArgument == null ? "" : "=" + agentArgument));
        }
        command.addAll(jvmOptions);
        // The default journal lives in the user's home: each run gets a home of its own, removed afterwards.
        Path home = null;
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Duser.home="))) {
            home = Files.createTempDirectory("filecleanup-home");
            command.add("-Duser.home=" + home);
        }
        if (applicationJar != null) {
            command.add("-jar");
            command.add(applicationJar.toString());
        } else {
            command.add("-cp");
            command.add((enhancedClasses == null ? "" : enhancedClasses + java.io.File.pathSeparator) + classpath());
            command.add(mainClass);
        }
        command.add(name);
        command.add(root.toString());
        command.addAll(List.of(arguments));

        Path log = Files.createTempFile("scenario-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FILECLEANUP_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (attachLater) {
            attachWhenWaiting(process, log);
        }
        return new Running(name, process, log, home);
    }

    /** A scenario's JVM that was started and not yet waited for. */
    public record Running(String name, Process process, Path log, Path home) {
        /** Waits for the JVM to exit, at most two minutes, and returns what it printed. */
        public Result await() throws IOException, InterruptedException {
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            Files.delete(log);
            if (home != null) {
                try (java.util.stream.Stream<Path> files = Files.walk(home)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            assertTrue(finished, "scenario " + name + " did not finish:\n" + output);
            return new Result(process.exitValue(), output);
        }

        /** Kills the JVM as {@code kill -9} would, and returns what it printed until then. */
        public Result kill() throws IOException, InterruptedException {
            process.destroyForcibly().waitFor();
            return await();
        }
    }

    private void attachWhenWaiting(Process process, Path log) throws IOException, InterruptedException {
        Pattern waiting = Pattern.compile("waiting for the agent, pid (\\d+)");
        for (int i = 0; i < 600 && process.isAlive(); i++) {
            Matcher pid = waiting.matcher(Files.readString(log));
            if (pid.find()) {
                if (withAgent) {
                    ByteBuddyAgent.attach(agentJar().toFile(), pid.group(1), agentArgument);
                }
                Files.createFile(root.resolve("attached"));
                return;
            }
            Thread.sleep(100);
        }
    }

    /** The application's own classes (absent in the modules that run it against another Hibernate) and its jars. */
    static String classpath() throws IOException {
        List<String> entries = new ArrayList<>();
        Path classes = Path.of(System.getProperty("testapp.classpath"));
        if (Files.isDirectory(classes)) {
            entries.add(classes.toString());
        }
        entries.add(Files.readString(Path.of(System.getProperty("testapp.classpathFile"))).trim());
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Whether the Hibernate under test has {@code @SoftDelete} (6.4 and later). */
    static boolean hasSoftDelete() {
        try {
            Class.forName("org.hibernate.annotations.SoftDelete");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Path agentJar() {
        Path jar = Path.of(System.getProperty("filecleanup.agentJar"));
        assertTrue(Files.isRegularFile(jar), "the agent jar is not built: " + jar);
        return jar;
    }

    /** A constant of the agent's code, read from the built jar, so that tests derive what they expect from it. */
    static int agentConstant(String className, String field) throws Exception {
        try (java.net.URLClassLoader agent = new java.net.URLClassLoader(
                new java.net.URL[] {agentJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            java.lang.reflect.Field constant = agent.loadClass(className).getDeclaredField(field);
            constant.setAccessible(true);
            return constant.getInt(null);
        }
    }

    /** The version the agent jar's manifest states, which its startup line must name. */
    static String agentVersion() throws IOException {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    public record Result(int exitCode, String output) {
        public Result succeeded() {
            assertEquals(0, exitCode, "the application failed:\n" + output);
            return this;
        }

        boolean logged(String text) {
            return output.contains(text);
        }

        public void assertLogged(String text) {
            assertTrue(logged(text), "expected the output to contain '" + text + "':\n" + output);
        }

        /** The agent never named these values: it neither captured them nor handed them over. */
        public void assertNeverMentioned(String... values) {
            for (String value : values) {
                List<String> mentions = agentLines().stream().filter(line -> line.contains(value)).toList();
                assertEquals(List.of(), mentions, "the agent saw " + value + ":\n" + output);
            }
        }

        /** A count from the agent's exit summary, e.g. {@code summary("deleted")}; fails without a summary. */
        public long summary(String counter) {
            Matcher summary = Pattern.compile("summary: (.*)").matcher(output);
            assertTrue(summary.find(), "no summary line:\n" + output);
            return count(summary, counter);
        }

        /**
         * A count from the exit summary, or 0 without one: the agent summarises only a JVM where something was
         * released, replayed or dropped. For runs where nothing may have happened.
         */
        public long summaryOrZero(String counter) {
            Matcher summary = Pattern.compile("summary: (.*)").matcher(output);
            return summary.find() ? count(summary, counter) : 0;
        }

        private static long count(Matcher summary, String counter) {
            Matcher count = Pattern.compile("(\\d+) " + Pattern.quote(counter) + "\\b").matcher(summary.group(1));
            assertTrue(count.find(), "no count of " + counter + " in " + summary.group());
            return Long.parseLong(count.group(1));
        }

        /** An attribute of the agent's MBean as the application printed it; needs {@link AgentRun#mbean()}. */
        public String mbean(String attribute) {
            Matcher value = Pattern.compile("(?m)^mbean " + Pattern.quote(attribute) + "=(.*)$").matcher(output);
            assertTrue(value.find(), "the MBean has no attribute " + attribute + ":\n" + output);
            return value.group(1);
        }

        /** The lines an operation of the agent's MBean returned, e.g. {@code recentRefusals}. */
        public List<String> mbeanLines(String operation) {
            String prefix = "mbean " + operation + ": ";
            return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .toList();
        }

        /** The lines the agent logged, none of the application's. */
        List<String> agentLines() {
            return output.lines().filter(line -> line.contains(" file-cleanup - ")).toList();
        }

        /**
         * The agent captured each value when its SQL ran (a debug line), and never handed it to the deletion
         * queue: no later line, kept, refused, deleted or gone, names it. Needs {@link AgentRun#debug()}.
         */
        public void assertCapturedButNeverHandedOver(String... values) {
            for (String value : values) {
                String captured = " captured " + value + " (";
                assertTrue(agentLines().stream().anyMatch(line -> line.contains(captured)),
                        "the agent never captured " + value + ":\n" + output);
                List<String> handedOver = agentLines().stream()
                        .filter(line -> line.contains(value) && !line.contains(captured)).toList();
                assertEquals(List.of(), handedOver, value + " was handed to the deletion queue:\n" + output);
            }
        }
    }
}
