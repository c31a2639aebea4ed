package com.example.uploads.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What the agent costs its host, measured against the same host without it in the same run: src/bench/perf.sh
 * runs this driver, which launches child JVMs with the same {@code java}, alternating without and with the agent
 * (the order swapped from one pair to the next), and prints a markdown table of differences and ratios. No
 * figure is an absolute time alone.
 * <ol>
 *   <li>startup of a JVM that never loads Hibernate ({@link HelloMain}): whole-process wall time;</li>
 *   <li>startup of a Hibernate application ({@link StartupMain}): from launch to the line printed once the
 *   SessionFactory is built;</li>
 *   <li>steady state: {@link SteadyStateBenchmark} under JMH, without the agent and with each journal asked for;</li>
 *   <li>background throughput ({@link ThroughputMain}): files deleted per second after many commits, on H2 and
 *   PostgreSQL, beside the raw unlink rate of the same disk;</li>
 *   <li>memory ({@link MemoryMain}): heap per pending released file; and the agent's classes, heap and Metaspace
 *   once started ({@code -Xlog:class+load}).</li>
 * </ol>
 * {@code --smoke} is a functional run for CI: it fails (exit code 1) when a child fails, a marker never comes, the
 * agent deletes nothing, or it loads no class; it never judges a timing. Run with {@code --help} for the options.
 */
public final class Perf {
    private static final String USAGE = """
            usage: src/bench/perf.sh [options]
              --smoke                 functional run for CI (2 pairs, few files, one short JMH iteration): fails on
                                      a functional problem, never on a timing
              --quick                 a shorter run: 6 pairs, 1 JMH round of 3+3 x 1 s, 10,000 files in 50 commits,
                                      5,000 entities
              --goals 1,2,3,4,5       which goals to run (default: all)
              --forks N               startup pairs (without + with agent) for goals 1 and 2 (default 10)
              --jmh-forks N           JMH rounds; each runs every benchmark in one fork per configuration (default 3)
              --jmh-args "ARGS"       JMH options for every fork, e.g. "-wi 5 -i 10 -r 2s -p onDisk=false"
                                      (default "-wi 3 -w 2s -i 5 -r 2s"); forks come from --jmh-forks
              --journals LIST         agent journals for JMH, comma-separated: none, auto, file:DIR, table
                                      (default none; auto is the agent's default, a file journal in the home)
              --files N               files for the throughput goal (default 50,000)
              --commits N             deleting commits for the throughput goal (default 100)
              --delete-mode MODE      bulk (delete ... where id between, default) or remove (EntityManager.remove)
              --timeout S             seconds to wait for the agent after the last commit (default 300)
              --memory-files N        entities removed in one transaction for the memory goal (default 20,000)
              --memory-forks N        memory pairs (default 2)
              --pg-url URL            PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/test); a schema of its
              --pg-user U             own is created and dropped; default user postgres, no password
              --pg-password P
              --no-pg                 skip the PostgreSQL rows
              --no-warmup             no untimed first run of each side before the startup pairs
              --child-args "ARGS"     JVM options for every child, both sides (e.g. "-XX:TieredStopAtLevel=1")
              --agent JAR             the agent jar (perf.sh passes agent/target/file-cleanup-agent.jar)
              --control-without-agent run every "with agent" child without -javaagent: a control that must fail
              --keep                  keep the work folder (logs, class-load logs); it is kept anyway on failure
            """;
    private static final List<String> BENCHMARKS = List.of("updateTag", "updateTitle", "replaceFile",
            "removeDocument");
    private static final Map<String, String> BENCHMARK_MEANING = Map.of(
            "updateTag", "(a) update of an entity without a file attribute",
            "updateTitle", "(b) update of another attribute of an entity with a file attribute",
            "replaceFile", "(c) file attribute replaced",
            "removeDocument", "(d) entity with a file attribute removed");
    private static final Map<String, Double> BENCHMARK_TARGET = Map.of("updateTag", 0.02, "updateTitle", 0.02,
            "replaceFile", 0.05, "removeDocument", 0.05);
    private static final Pattern AGENT_PROBLEM = Pattern.compile("\\b(WARN|ERROR)\\s+file-cleanup\\b");

    private int forks = 10;
    private int jmhForks = 3;
    private String jmhArgs = "-wi 3 -w 2s -i 5 -r 2s";
    private List<String> journals = List.of("none");
    private int files = 50_000;
    private int commits = 100;
    private String deleteMode = "bulk";
    private long timeoutSeconds = 300;
    private int memoryFiles = 20_000;
    private int memoryForks = 2;
    private Set<String> goals = new LinkedHashSet<>(List.of("1", "2", "3", "4", "5"));
    private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
    private String pgUser = "postgres";
    private String pgPassword = "";
    private boolean usePg = true;
    private boolean warmup = true;
    private List<String> childArgs = List.of();
    private Path agent;
    private boolean control;
    private boolean keep;
    private boolean smoke;

    private Path work;
    private Path logs;
    private Path jar;
    private Path helloClasses;
    private String java;
    private String pgSchema;
    private String pgSkipped;
    private int runs;

    private record Row(String goal, String measure, String without, String with, String difference,
                       String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> agentWarnings = new LinkedHashSet<>();

    public static void main(String[] args) throws Exception {
        Perf perf = new Perf();
        try {
            perf.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(64);
        }
        System.exit(perf.run());
    }

    private void parse(String[] args) {
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                list.add(arg.substring(0, equals));
                list.add(arg.substring(equals + 1));
            } else {
                list.add(arg);
            }
        }
        if (list.contains("--help") || list.contains("-h")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        if (list.contains("--quick")) {
            forks = 6;
            jmhForks = 1;
            jmhArgs = "-wi 3 -w 1s -i 3 -r 1s";
            journals = List.of("none");
            files = 10_000;
            commits = 50;
            memoryFiles = 5_000;
            memoryForks = 1;
        }
        if (list.contains("--smoke")) {
            smoke = true;
            forks = 2;
            jmhForks = 1;
            jmhArgs = "-wi 0 -i 1 -r 200ms";
            journals = List.of("none");
            files = 500;
            commits = 10;
            memoryFiles = 500;
            memoryForks = 1;
            timeoutSeconds = 30;
            warmup = false;
        }
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--smoke", "--quick" -> {
                }
                case "--no-pg" -> usePg = false;
                case "--no-warmup" -> warmup = false;
                case "--control-without-agent" -> control = true;
                case "--keep" -> keep = true;
                default -> {
                    if (i + 1 >= list.size()) {
                        throw new IllegalArgumentException("unknown option or missing value: " + option);
                    }
                    String value = list.get(++i);
                    switch (option) {
                        case "--goals" -> goals = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                        case "--forks" -> forks = positive(option, value);
                        case "--jmh-forks" -> jmhForks = positive(option, value);
                        case "--jmh-args" -> jmhArgs = value;
                        case "--journals" -> journals = Arrays.asList(value.split(","));
                        case "--files" -> files = positive(option, value);
                        case "--commits" -> commits = positive(option, value);
                        case "--delete-mode" -> deleteMode = value;
                        case "--timeout" -> timeoutSeconds = positive(option, value);
                        case "--memory-files" -> memoryFiles = positive(option, value);
                        case "--memory-forks" -> memoryForks = positive(option, value);
                        case "--pg-url" -> pgUrl = value;
                        case "--pg-user" -> pgUser = value;
                        case "--pg-password" -> pgPassword = value;
                        case "--child-args" -> childArgs = split(value);
                        case "--agent" -> agent = Path.of(value).toAbsolutePath();
                        default -> throw new IllegalArgumentException("unknown option: " + option);
                    }
                }
            }
        }
        if (agent == null || !Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("--agent: no agent jar at " + agent);
        }
        if (!Set.of("bulk", "remove").contains(deleteMode)) {
            throw new IllegalArgumentException("--delete-mode: bulk or remove, not " + deleteMode);
        }
        if (!Set.of("1", "2", "3", "4", "5").containsAll(goals)) {
            throw new IllegalArgumentException("--goals: numbers from 1 to 5, not " + goals);
        }
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace(",", "").replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(option + ": a positive number, not " + value);
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    private interface Goal {
        void run() throws Exception;
    }

    private int run() throws Exception {
        work = Files.createTempDirectory("filecleanup-perf-");
        logs = Files.createDirectories(work.resolve("logs"));
        jar = jarOfThisClass();
        java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        helloClasses = extractHello();
        List<String> machine = machine();
        System.out.println("hibernate-file-cleanup performance" + (smoke ? " (smoke run: functional checks only)"
                : "") + (control ? " (CONTROL: the agent is never attached; this run must fail)" : ""));
        machine.forEach(line -> System.out.println("  " + line));
        System.out.println("  work folder " + work);
        System.out.println();
        try {
            if (usePg && (goals.contains("4") || goals.contains("5"))) {
                preparePostgres();
            }
            guard("1", this::goal1);
            guard("2", this::goal2);
            guard("3", this::goal3);
            guard("4 (H2)", () -> throughput("H2 in memory", List.of(), 20_000));
            guard("4 (PostgreSQL)", () -> onPostgres("4", () -> throughput("PostgreSQL", postgres(), Double.NaN)));
            guard("5 (memory, H2)", () -> memory("H2 in memory", List.of(), false));
            guard("5 (memory, PostgreSQL)", () -> onPostgres("5", () -> memory("PostgreSQL", postgres(), true)));
            guard("5 (classes)", this::census);
        } finally {
            dropPostgres();
        }
        print(machine);
        if (failures.isEmpty() && !keep) {
            delete(work);
        } else {
            System.out.println("\nwork folder kept: " + work);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /** Runs one goal, or one part of it: a failure is recorded, and the other parts still run. */
    private void guard(String goal, Goal body) {
        if (!goals.contains(goal.split(" ")[0])) {
            return;
        }
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            failures.add("goal " + goal + ": " + message);
            System.out.println("goal " + goal + " FAILED: " + message);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Goals 1 and 2: startup

    private void goal1() throws Exception {
        Path uploads = folder("uploads");
        startupPairs("1", "JVM without Hibernate, JDK-only class path: process wall time", "hello",
                helloClasses.toString(), HelloMain.class.getName(), null, uploads, 30, List.of());
        startupPairs("1", "JVM without Hibernate, Hibernate on the class path but never loaded: process wall time",
                "hello-fat", jar.toString(), HelloMain.class.getName(), null, uploads, 30, List.of());
    }

    private void goal2() throws Exception {
        startupPairs("2", "Hibernate 7.4 + H2: launch to SessionFactory built (33 entities, schema created), "
                        + "first start (a fresh home: the classes are woven)", "startup", jar.toString(),
                StartupMain.class.getName(), StartupMain.MARKER, folder("uploads"), 150, List.of());
        // Every child of this row shares one home, where the first start with the agent kept the woven classes.
        Path home = home();
        Path uploads = folder("uploads");
        List<String> shared = List.of("-Duser.home=" + home);
        startup("startup-kept-warmup", true, jar.toString(), StartupMain.class.getName(), StartupMain.MARKER,
                uploads, shared);
        startupPairs("2", "the same, a later start (the woven classes kept in ~/.filecleanup/woven)",
                "startup-kept", jar.toString(), StartupMain.class.getName(), StartupMain.MARKER, uploads, 150,
                shared);
    }

    /** {@code extra}: options for both sides, after the child's own (a later {@code -D} wins). */
    private void startupPairs(String goal, String measure, String name, String classPath, String main,
                              String marker, Path uploads, double targetMillis, List<String> extra)
            throws Exception {
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        if (warmup) {
            for (boolean side : new boolean[] {false, true}) {
                startup(name + "-warmup", side, classPath, main, marker, uploads, extra);
            }
        }
        for (int pair = 0; pair < forks; pair++) {
            // Swapped every other pair, so that a drifting machine favours neither side.
            for (boolean side : pair % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Jvm.Run run = startup(name, side, classPath, main, marker, uploads, extra);
                (side ? with : without).add(run.millis());
            }
            System.out.printf(Locale.ROOT, "goal %s %s pair %d/%d: %,.1f ms without, %,.1f ms with%n", goal,
                    name, pair + 1, forks, without.get(pair), with.get(pair));
        }
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < forks; i++) {
            differences.add(with.get(i) - without.get(i));
        }
        double difference = Stats.median(differences);
        Stats.Interval interval = Stats.medianInterval(differences);
        String met;
        if (smoke || control) {
            met = "n/a";
        } else if (interval == null) {
            met = (difference <= targetMillis ? "yes" : "no") + " (too few pairs for an interval)";
        } else if (interval.high() <= targetMillis) {
            met = "yes";
        } else if (interval.low() > targetMillis) {
            met = "no";
        } else {
            met = "unclear (interval spans the target)";
        }
        rows.add(new Row(goal, measure, String.format(Locale.ROOT, "%,.1f ms", Stats.median(without)),
                String.format(Locale.ROOT, "%,.1f ms", Stats.median(with)),
                String.format(Locale.ROOT, "%+,.1f ms%s (×%.3f)", difference, interval == null ? ""
                        : String.format(Locale.ROOT, " [%+,.1f, %+,.1f]", interval.low(), interval.high()),
                        Stats.median(with) / Stats.median(without)),
                String.format(Locale.ROOT, "≤ +%.0f ms", targetMillis), met));
        notes.add(String.format(Locale.ROOT, "goal %s, %s: %d pairs; noise without the agent: IQR %.1f ms, "
                        + "range %,.1f–%,.1f ms; with: IQR %.1f ms, range %,.1f–%,.1f ms; paired differences %s",
                goal, name, forks, Stats.iqr(without), Stats.min(without), Stats.max(without), Stats.iqr(with),
                Stats.min(with), Stats.max(with), differences.stream()
                        .map(d -> String.format(Locale.ROOT, "%+.0f", d)).collect(Collectors.joining(" "))));
    }

    /** One startup child; fails the goal if it did not run to its end (or its marker). */
    private Jvm.Run startup(String name, boolean withAgent, String classPath, String main, String marker,
                            Path uploads, List<String> extra) throws Exception {
        Jvm.Run run = Jvm.run(name + (withAgent ? "-with" : "-without"),
                command(withAgent, uploads, extra, classPath, main), log(name, withAgent), marker, 300_000);
        boolean ok = marker != null ? run.markerSeen()
                : run.exit() == 0 && run.line(HelloMain.LINE).isPresent();
        if (!ok) {
            throw new AssertionError(marker != null ? "the marker never came: " + run.problem()
                    : "the child failed: " + run.problem());
        }
        checkAgentLog(run, withAgent);
        return run;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Goal 3: JMH

    private void goal3() throws Exception {
        CommandLineOptions base;
        try {
            base = new CommandLineOptions(split(jmhArgs).toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("--jmh-args: " + e.getMessage());
        }
        if (!base.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("--jmh-args takes options, not benchmark names: "
                    + base.getIncludes());
        }
        List<String> configurations = new ArrayList<>();
        configurations.add("without");
        configurations.addAll(journals);
        // label -> configuration -> every measured iteration; and the ratio of each round's means.
        Map<String, Map<String, List<Double>>> scores = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> roundRatios = new LinkedHashMap<>();
        String unit = "";
        try (PrintStream jmhLog = new PrintStream(Files.newOutputStream(logs.resolve("jmh.log")), true)) {
            for (int round = 0; round < jmhForks; round++) {
                for (String benchmark : BENCHMARKS) {
                    List<String> order = new ArrayList<>(configurations);
                    Collections.rotate(order, -round);
                    Map<String, Map<String, Double>> means = new LinkedHashMap<>();
                    for (String configuration : order) {
                        for (RunResult result : jmh(base, benchmark, configuration, jmhLog)) {
                            String label = label(result, base);
                            unit = result.getPrimaryResult().getScoreUnit();
                            List<Double> iterations = new ArrayList<>();
                            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                                for (IterationResult iteration : fork.getIterationResults()) {
                                    iterations.add(iteration.getPrimaryResult().getScore());
                                }
                            }
                            scores.computeIfAbsent(label, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(configuration, k -> new ArrayList<>()).addAll(iterations);
                            means.computeIfAbsent(label, k -> new LinkedHashMap<>())
                                    .put(configuration, Stats.mean(iterations));
                        }
                    }
                    for (Map.Entry<String, Map<String, Double>> entry : means.entrySet()) {
                        Map<String, Double> byConfiguration = entry.getValue();
                        System.out.printf(Locale.ROOT, "goal 3 round %d/%d %s: %s%n", round + 1, jmhForks,
                                entry.getKey(), configurations.stream().filter(byConfiguration::containsKey)
                                        .map(c -> String.format(Locale.ROOT, "%s %.2f", c, byConfiguration.get(c)))
                                        .collect(Collectors.joining(", ")) + " " + unit);
                        for (String configuration : journals) {
                            roundRatios.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(configuration, k -> new ArrayList<>())
                                    .add(byConfiguration.get(configuration) / byConfiguration.get("without"));
                        }
                    }
                }
            }
        }
        for (String line : Files.readAllLines(logs.resolve("jmh.log"))) {
            var matcher = AGENT_PROBLEM.matcher(line);
            if (matcher.find()) {
                if (matcher.group(1).equals("ERROR")) {
                    throw new AssertionError("the agent logged an error under JMH: " + line + " ("
                            + logs.resolve("jmh.log") + ")");
                }
                agentWarnings.add(line.replaceFirst("^[0-9:.]+ ", ""));
            }
        }
        for (Map.Entry<String, Map<String, List<Double>>> entry : scores.entrySet()) {
            String label = entry.getKey();
            String benchmark = label.split(" ")[0];
            List<Double> without = entry.getValue().get("without");
            double withoutMean = Stats.mean(without);
            double withoutError = Stats.meanError(without, 0.999);
            for (String journal : journals) {
                List<Double> with = entry.getValue().get(journal);
                double withMean = Stats.mean(with);
                double withError = Stats.meanError(with, 0.999);
                double ratio = withMean / withoutMean;
                double error = ratio * Math.hypot(withError / withMean, withoutError / withoutMean);
                double target = journal.equals("none") ? BENCHMARK_TARGET.getOrDefault(benchmark, Double.NaN)
                        : Double.NaN;
                String met;
                if (smoke || control || Double.isNaN(target)) {
                    met = Double.isNaN(target) ? "—" : "n/a";
                } else if (Double.isNaN(error)) {
                    met = (ratio <= 1 + target ? "yes" : "no") + " (no error estimate)";
                } else if (ratio + error <= 1 + target) {
                    met = "yes";
                } else if (ratio - error > 1 + target) {
                    met = "no";
                } else {
                    met = "unclear (error spans the target)";
                }
                rows.add(new Row("3", BENCHMARK_MEANING.getOrDefault(benchmark, benchmark)
                        + (label.equals(benchmark) ? "" : " " + label.substring(benchmark.length()))
                        + ": " + benchmark + ", agent journal " + journalName(journal),
                        score(withoutMean, withoutError, unit), score(withMean, withError, unit),
                        Double.isNaN(error) ? String.format(Locale.ROOT, "×%.3f (%+.1f%%)", ratio, (ratio - 1) * 100)
                                : String.format(Locale.ROOT, "×%.3f ± %.3f (%+.1f%%)", ratio, error,
                                (ratio - 1) * 100),
                        Double.isNaN(target) ? "—" : String.format(Locale.ROOT, "≤ +%.0f%%", target * 100), met));
                notes.add(String.format(Locale.ROOT, "goal 3, %s, journal %s: ratio of each round's means %s; "
                                + "without the agent %d iterations, error ±%.1f%% (99.9%%)", label, journal,
                        roundRatios.get(label).get(journal).stream()
                                .map(r -> String.format(Locale.ROOT, "%.3f", r)).collect(Collectors.joining(" ")),
                        without.size(), withoutError / withoutMean * 100));
            }
        }
    }

    private static String journalName(String journal) {
        return journal.equals("auto") ? "auto (the default: a file journal, one fdatasync per releasing commit)"
                : "`" + journal + "`";
    }

    private static String score(double mean, double error, String unit) {
        return Double.isNaN(error) ? String.format(Locale.ROOT, "%.2f %s", mean, unit)
                : String.format(Locale.ROOT, "%.2f ± %.2f %s", mean, error, unit);
    }

    /** The benchmark's name, and its parameters when the JMH options set some. */
    private static String label(RunResult result, CommandLineOptions base) {
        String benchmark = result.getParams().getBenchmark();
        String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        Collection<String> keys = result.getParams().getParamsKeys();
        if (keys.stream().noneMatch(key -> base.getParameter(key).hasValue())) {
            return name;
        }
        return name + " " + keys.stream().map(key -> key + "=" + result.getParams().getParam(key))
                .collect(Collectors.joining(","));
    }

    /** One JMH fork of one benchmark, in one configuration: without the agent, or with it and a journal. */
    private Collection<RunResult> jmh(CommandLineOptions base, String benchmark, String configuration, PrintStream log)
            throws Exception {
        Path uploads = folder("jmh-uploads");
        List<String> jvmArgs = new ArrayList<>(childArgs);
        jvmArgs.add("-Duser.home=" + home());
        jvmArgs.add("-Dbench.uploads=" + uploads);
        jvmArgs.addAll(agentProperties(uploads));
        if (!configuration.equals("without")) {
            if (!control) {
                jvmArgs.add("-javaagent:" + agent);
            }
            if (!configuration.equals("auto")) {
                jvmArgs.add("-Dfilecleanup.journal=" + configuration);
            }
            if (configuration.equals("table")) {
                jvmArgs.add("-Dfilecleanup.journal.createTable=true");
            }
        }
        if (base.getJvmArgsAppend().hasValue()) {
            jvmArgs.addAll(base.getJvmArgsAppend().get());
        }
        Options options = new OptionsBuilder().parent(base)
                .include("^" + Pattern.quote(SteadyStateBenchmark.class.getName() + "." + benchmark) + "$")
                .forks(1).warmupForks(0).jvm(java).jvmArgs(jvmArgs.toArray(String[]::new)).jvmArgsAppend()
                .shouldFailOnError(true).build();
        log.println("==== " + benchmark + ", " + configuration);
        // JMH copies the forks' standard error to ours: into the log with the rest.
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(log);
        System.setErr(log);
        try {
            Collection<RunResult> results = new Runner(options,
                    OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
            if (results.isEmpty()) {
                throw new AssertionError("JMH ran nothing for " + benchmark + " (" + configuration + "), see "
                        + logs.resolve("jmh.log"));
            }
            return results;
        } catch (RunnerException e) {
            throw new AssertionError("JMH failed for " + benchmark + " (" + configuration + "): " + e.getMessage()
                    + ", see " + logs.resolve("jmh.log"), e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            delete(uploads);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Goal 4: background throughput

    private void onPostgres(String goal, Goal body) throws Exception {
        if (pgSchema != null) {
            body.run();
        } else {
            notes.add("goal " + goal + ": PostgreSQL rows skipped: " + (usePg ? pgSkipped : "--no-pg"));
        }
    }

    private void throughput(String database, List<String> databaseProperties, double target) throws Exception {
        Path base = folder("throughput");
        Path uploads = Files.createDirectories(base.resolve("uploads"));
        List<String> extra = new ArrayList<>(databaseProperties);
        extra.addAll(List.of("-Dperf.files=" + files, "-Dperf.commits=" + commits,
                "-Dperf.timeoutSeconds=" + timeoutSeconds, "-Dperf.deleteMode=" + deleteMode,
                "-Dperf.root=" + uploads, "-Dperf.raw=" + Files.createDirectories(base.resolve("raw"))));
        String name = "throughput-" + database.split(" ")[0].toLowerCase(Locale.ROOT);
        System.out.printf(Locale.ROOT, "goal 4 %s: %,d files, %d commits...%n", database, files, commits);
        Jvm.Run run = Jvm.run(name, command(true, uploads, extra, jar.toString(), ThroughputMain.class.getName()),
                log(name, true), null, (timeoutSeconds + 1_800) * 1_000);
        if (run.exit() != 0 || run.line("PERF throughput").isEmpty()) {
            throw new AssertionError("background throughput on " + database + ": " + run.problem());
        }
        checkAgentLog(run, true);
        double rawMillis = Double.parseDouble(run.value("PERF raw", "millis").orElseThrow());
        double commitMillis = Double.parseDouble(run.value("PERF throughput", "commitMillis").orElseThrow());
        double drainMillis = Double.parseDouble(run.value("PERF throughput", "drainMillis").orElseThrow());
        double raw = files / (rawMillis / 1000);
        double agentRate = files / (drainMillis / 1000);
        System.out.printf(Locale.ROOT, "goal 4 %s: raw unlink %,.0f files/s, agent %,.0f files/s%n", database, raw,
                agentRate);
        rows.add(new Row("4", String.format(Locale.ROOT, "background deletion, %s: %,d files released by %d "
                        + "commits (%s), first commit to last file unlinked; without = raw `Files.delete` loop",
                database, files, Math.min(files, commits), deleteMode.equals("bulk") ? "bulk delete" : "remove"),
                String.format(Locale.ROOT, "%,.0f files/s (raw unlink)", raw),
                String.format(Locale.ROOT, "%,.0f files/s", agentRate),
                String.format(Locale.ROOT, "×%.3f of raw", agentRate / raw),
                Double.isNaN(target) ? "—" : String.format(Locale.ROOT, "≥ %,.0f files/s", target),
                Double.isNaN(target) ? "—" : smoke || control ? "n/a" : agentRate >= target ? "yes" : "no"));
        notes.add(String.format(Locale.ROOT, "goal 4, %s: the deleting commits took %,.0f ms, the agent finished "
                        + "%,.0f ms after the last one (one run; the default journal in a fresh home)", database,
                commitMillis, drainMillis - commitMillis));
        delete(base);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Goal 5: memory and classes

    private void memory(String database, List<String> databaseProperties, boolean lock) throws Exception {
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> beforeWithout = new ArrayList<>();
        List<Double> afterWithout = new ArrayList<>();
        List<Double> beforeWith = new ArrayList<>();
        List<Double> afterWith = new ArrayList<>();
        String name = "memory-" + database.split(" ")[0].toLowerCase(Locale.ROOT);
        for (int pair = 0; pair < memoryForks; pair++) {
            long[][] deltas = new long[2][];
            for (boolean side : pair % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Path uploads = folder("memory-uploads");
                List<String> extra = new ArrayList<>(databaseProperties);
                extra.addAll(List.of("-Dperf.files=" + memoryFiles, "-Dperf.root=" + uploads,
                        "-Dperf.lock=" + lock, "-Dperf.expectCheck=" + side));
                Jvm.Run run = Jvm.run(name, command(side, uploads, extra, jar.toString(),
                        MemoryMain.class.getName()), log(name, side), null, 900_000);
                if (run.exit() != 0 || run.line("PERF memory").isEmpty()) {
                    throw new AssertionError("memory on " + database + ": " + run.problem());
                }
                checkAgentLog(run, side);
                long baseline = Long.parseLong(run.value("PERF memory", "baseline").orElseThrow());
                long beforeCommit = Long.parseLong(run.value("PERF memory", "beforeCommit").orElseThrow());
                long afterCommit = run.value("PERF memory", "afterCommit").map(Long::parseLong).orElse(baseline);
                deltas[side ? 1 : 0] = new long[] {beforeCommit - baseline, afterCommit - baseline};
                delete(uploads);
            }
            before.add((deltas[1][0] - deltas[0][0]) / (double) memoryFiles);
            after.add((deltas[1][1] - deltas[0][1]) / (double) memoryFiles);
            beforeWithout.add(deltas[0][0] / (double) memoryFiles);
            beforeWith.add(deltas[1][0] / (double) memoryFiles);
            afterWithout.add(deltas[0][1] / (double) memoryFiles);
            afterWith.add(deltas[1][1] / (double) memoryFiles);
            System.out.printf(Locale.ROOT, "goal 5 %s pair %d/%d: %+.0f B per released file before the commit%s%n",
                    database, pair + 1, memoryForks, before.get(pair), lock ? String.format(Locale.ROOT,
                            ", %+.0f B after it (check blocked)", after.get(pair)) : "");
        }
        rows.add(new Row("5", String.format(Locale.ROOT, "heap per released file held by the transaction: "
                        + "%,d entities removed and flushed, before the commit, %s", memoryFiles, database),
                String.format(Locale.ROOT, "%,.0f B per removed entity", Stats.median(beforeWithout)),
                String.format(Locale.ROOT, "%,.0f B per removed entity", Stats.median(beforeWith)),
                String.format(Locale.ROOT, "%+,.0f B per file", Stats.median(before)), "—", "—"));
        if (lock) {
            rows.add(new Row("5", String.format(Locale.ROOT, "heap per released file pending after the commit "
                            + "(reference check blocked by a table lock), %s", database),
                    String.format(Locale.ROOT, "%,.0f B per removed entity", Stats.median(afterWithout)),
                    String.format(Locale.ROOT, "%,.0f B per removed entity", Stats.median(afterWith)),
                    String.format(Locale.ROOT, "%+,.0f B per file", Stats.median(after)), "—", "—"));
        }
        notes.add(String.format(Locale.ROOT, "goal 5, %s: %d pair(s); heap used after repeated full GCs, minus "
                        + "the same JVM's reading before the transaction; per-pair differences before the commit %s",
                database, memoryForks, before.stream().map(b -> String.format(Locale.ROOT, "%+.0f", b))
                        .collect(Collectors.joining(" "))));
    }

    /** The agent's classes, and the heap and Metaspace it adds, once a JVM has started. */
    private void census() throws Exception {
        Path uploads = folder("uploads");
        for (String program : List.of("hello", "startup")) {
            boolean hello = program.equals("hello");
            String sentinel = hello ? HelloMain.Started.class.getName() : StartupMain.Built.class.getName();
            int[][] counts = new int[2][];
            long[][] memory = new long[2][];
            for (boolean side : new boolean[] {false, true}) {
                Path classLog = logs.resolve("classes-" + program + (side ? "-with" : "-without") + ".log");
                List<String> extra = new ArrayList<>(List.of("-Xlog:class+load=info:file=" + classLog + ":none"));
                if (!hello) {
                    extra.add("-Dperf.census=true");
                }
                Jvm.Run run = startup("census-" + program, side, hello ? helloClasses.toString() : jar.toString(),
                        hello ? HelloMain.class.getName() : StartupMain.class.getName(),
                        hello ? null : StartupMain.MARKER, uploads, extra);
                counts[side ? 1 : 0] = countClasses(classLog, sentinel);
                if (!hello) {
                    memory[side ? 1 : 0] = new long[] {
                            Long.parseLong(run.value("PERF census", "heap").orElseThrow()),
                            Long.parseLong(run.value("PERF census", "metaspace").orElseThrow())};
                }
            }
            int[] without = counts[0];
            int[] with = counts[1];
            if (without[1] + without[2] != 0) {
                throw new AssertionError("classes of the agent loaded without it: " + logs);
            }
            if (with[1] == 0) {
                throw new AssertionError("no class of the agent was loaded with -javaagent (" + program
                        + "): is it attached? see " + logs);
            }
            String where = hello ? "JVM without Hibernate (JDK-only class path), when main starts"
                    : "Hibernate application, once the SessionFactory is built";
            rows.add(new Row("5", "classes loaded, " + where, String.format(Locale.ROOT, "%,d", without[0]),
                    String.format(Locale.ROOT, "%,d", with[0]),
                    String.format(Locale.ROOT, "%+,d: ours %d, relocated libraries %d, other %d", with[0] - without[0],
                            with[1], with[2], with[0] - without[0] - with[1] - with[2]), "—", "—"));
            if (!hello) {
                String[] names = {"heap used after full GCs", "Metaspace used"};
                for (int i = 0; i < 2; i++) {
                    rows.add(new Row("5", names[i] + ", " + where,
                            String.format(Locale.ROOT, "%,.1f MiB", memory[0][i] / 1048576.0),
                            String.format(Locale.ROOT, "%,.1f MiB", memory[1][i] / 1048576.0),
                            String.format(Locale.ROOT, "%+,.1f MiB", (memory[1][i] - memory[0][i]) / 1048576.0),
                            "—", "—"));
                }
            }
        }
        notes.add("goal 5, classes: counted in `-Xlog:class+load` up to a class the program loads at that point; "
                + "ours = `dev.filecleanup.*` outside `dev.filecleanup.shaded.*` (relocated Byte Buddy, ASM, SLF4J); "
                + "other = JDK classes the agent pulls in (java.lang.instrument, ...) and, after startup, "
                + "Hibernate classes it makes load earlier or extra; one run each");
    }

    /** All classes loaded before {@code sentinel}; of them, the agent's own; and its relocated libraries. */
    private static int[] countClasses(Path classLog, String sentinel) throws IOException {
        int all = 0;
        int ours = 0;
        int relocated = 0;
        boolean found = false;
        for (String line : Files.readAllLines(classLog)) {
            String name = line.split(" ", 2)[0];
            if (name.equals(sentinel)) {
                found = true;
                break;
            }
            all++;
            if (name.startsWith("dev.filecleanup.shaded.")) {
                relocated++;
            } else if (name.startsWith("dev.filecleanup.")) {
                ours++;
            }
        }
        if (!found) {
            throw new AssertionError(sentinel + " is not in " + classLog);
        }
        return new int[] {all, ours, relocated};
    }

    // ---------------------------------------------------------------------------------------------------------
    // Children

    /**
     * A child's command line. Both sides get the same options and a fresh home (so that the default journal,
     * in ~/.filecleanup, is never shared between runs); only {@code -javaagent} differs.
     */
    private List<String> command(boolean withAgent, Path uploads, List<String> extra, String classPath,
                                 String main) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(childArgs);
        command.add("-Duser.home=" + home());
        if (withAgent && !control) {
            command.add("-javaagent:" + agent);
        }
        command.addAll(agentProperties(uploads));
        command.addAll(extra);
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        return command;
    }

    private static List<String> agentProperties(Path uploads) {
        return List.of("-Dfilecleanup.roots=" + uploads, "-Dfilecleanup.attributes=Document.filePath",
                "-Dfilecleanup.logLevel=warn");
    }

    private Path home() throws IOException {
        return Files.createDirectories(work.resolve("home").resolve(String.valueOf(++runs)));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(work.resolve(name + "-" + ++runs));
    }

    private Path log(String name, boolean withAgent) {
        return logs.resolve(name + (withAgent ? "-with-" : "-without-") + ++runs + ".log");
    }

    /** An agent error fails the goal; its warnings are listed once under the table. */
    private void checkAgentLog(Jvm.Run run, boolean withAgent) {
        if (!withAgent) {
            return;
        }
        for (String line : run.stderr().lines().toList()) {
            var matcher = AGENT_PROBLEM.matcher(line);
            if (matcher.find()) {
                if (matcher.group(1).equals("ERROR")) {
                    throw new AssertionError("the agent logged an error: " + line + " (" + run.log() + ")");
                }
                agentWarnings.add(line.replaceFirst("^[0-9:.]+ ", ""));
            }
        }
    }

    /** HelloMain alone in a folder: a class path with nothing but the JDK behind it. */
    private Path extractHello() throws IOException {
        Path folder = work.resolve("hello-classes");
        for (Class<?> type : List.of(HelloMain.class, HelloMain.Started.class)) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = folder.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = Perf.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
        }
        return folder;
    }

    private static Path jarOfThisClass() throws URISyntaxException {
        return Path.of(Perf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    // ---------------------------------------------------------------------------------------------------------
    // PostgreSQL

    private void preparePostgres() {
        String schema = "perf_" + ProcessHandle.current().pid();
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            pgSchema = schema;
        } catch (SQLException e) {
            pgSkipped = "PostgreSQL unreachable at " + pgUrl + " (" + e.getMessage() + ")";
            System.out.println(pgSkipped + ": its rows are skipped");
        }
    }

    private List<String> postgres() {
        return List.of("-Dperf.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema,
                "-Dperf.user=" + pgUser, "-Dperf.password=" + pgPassword);
    }

    private void dropPostgres() {
        if (pgSchema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + pgSchema + " cascade");
        } catch (SQLException e) {
            System.out.println("could not drop schema " + pgSchema + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Report

    private List<String> machine() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        lines.add(String.format(Locale.ROOT, "machine: %d cores, %s %s %s, load average %.2f, work folder on %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Files.getFileStore(work).type()));
        Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes()).trim();
        version.waitFor();
        lines.add("java: " + java + ": " + text.replace("\n", " / "));
        String agentVersion;
        try (JarFile agentJar = new JarFile(agent.toFile())) {
            agentVersion = agentJar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        lines.add("agent: " + agent + " " + agentVersion + "; Hibernate " + org.hibernate.Version.getVersionString()
                + ", H2 in memory");
        lines.add(String.format(Locale.ROOT, "settings: %d startup pairs, %d JMH round(s) of \"%s\", journals %s, "
                        + "%,d files in %d commits, %,d entities for memory%s%s", forks, jmhForks, jmhArgs,
                journals, files, commits, memoryFiles, childArgs.isEmpty() ? "" : ", child options " + childArgs,
                warmup ? ", one untimed warm-up run per side" : ""));
        return lines;
    }

    private void print(List<String> machine) {
        System.out.println();
        System.out.println("| goal | measure | without agent | with agent | difference / ratio | target | met? |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.println("| " + String.join(" | ", row.goal(), row.measure(), row.without(), row.with(),
                    row.difference(), row.target(), row.met()) + " |");
        }
        System.out.println();
        System.out.println("Startup: medians of N paired runs; the difference is the median of the paired "
                + "differences with its distribution-free interval (≥ 95%, from 6 pairs on); met = yes when the "
                + "whole interval is within the target. JMH (H2 in memory; released files exist on disk unless "
                + "-p onDisk=false): mean ± 99.9% interval over all measured iterations of all rounds, as JMH "
                + "computes its error (wide with few iterations); the ratio's error is propagated from both.");
        notes.forEach(note -> System.out.println("- " + note));
        if (!agentWarnings.isEmpty()) {
            System.out.println("- the agent warned: " + String.join(" | ", agentWarnings));
        }
        System.out.println();
        machine.forEach(line -> System.out.println(line));
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (smoke) {
            System.out.println("smoke run: the figures above are not measurements, and no target is judged");
        }
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("FAILED:");
            failures.forEach(failure -> System.out.println("  " + failure));
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
