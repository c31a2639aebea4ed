package com.example.uploads.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Launches one child JVM for {@link Perf} and times it from just before {@link ProcessBuilder#start()}: until it
 * exits, or until it prints a marker line on standard output, after which it is killed at once (its exit hooks
 * never run). Standard error goes to a log file; standard output is kept in memory.
 */
final class Jvm {
    /** Settings that would reach every child: the driver strips them, so that both sides start alike. */
    private static final List<String> STRIPPED_ENVIRONMENT = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    private Jvm() {
    }

    /**
     * One finished child: its exit code (-1 when it was killed after its marker or its timeout), the nanoseconds
     * from launch to its exit or to its marker, and its output.
     */
    record Run(String name, int exit, long nanos, boolean markerSeen, boolean timedOut, List<String> out,
               Path log) {

        double millis() {
            return nanos / 1e6;
        }

        /** The first line of standard output that starts with {@code prefix}. */
        Optional<String> line(String prefix) {
            synchronized (out) {
                return out.stream().filter(line -> line.startsWith(prefix)).findFirst();
            }
        }

        /** {@code key=value} from the first line that starts with {@code prefix}. */
        Optional<String> value(String prefix, String key) {
            return line(prefix).flatMap(line -> {
                for (String part : line.split(" ")) {
                    if (part.startsWith(key + "=")) {
                        return Optional.of(part.substring(key.length() + 1));
                    }
                }
                return Optional.empty();
            });
        }

        String stderr() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        /** What went wrong, for a failure message: the child's reason if it gave one, and where its log is. */
        String problem() {
            String said = line("PERF failed ").map(line -> line.substring("PERF failed ".length()))
                    .orElse(timedOut ? "timed out" : markerSeen ? "" : "exit code " + exit);
            List<String> lines = withoutHibernateNoise(stderr());
            String tail = String.join("\n      ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
            return name + ": " + said + " (log " + log + ")" + (tail.isBlank() ? "" : "\n      " + tail);
        }
    }

    private static final Pattern JUL_HEADER = Pattern.compile("^[A-Z][a-z]{2} \\d{1,2}, \\d{4} .*");

    /**
     * A child's standard error without what Hibernate logs at startup (JUL's INFO records and the connection
     * pool's indented details), so that a failure shows what matters.
     */
    static List<String> withoutHibernateNoise(String stderr) {
        List<String> kept = new ArrayList<>();
        String header = null;
        for (String line : stderr.lines().toList()) {
            if (JUL_HEADER.matcher(line).matches()) {
                header = line;
            } else if (header != null && (line.startsWith("INFO: ") || line.startsWith("WARN: HHH10001002"))) {
                header = null;
            } else if (!line.startsWith("\t")) {
                if (header != null) {
                    kept.add(header);
                    header = null;
                }
                kept.add(line);
            }
        }
        return kept;
    }

    /**
     * Runs {@code command} until it exits, or, if {@code marker} is not null, until it prints that line; gives up
     * after {@code timeoutMillis}.
     */
    static Run run(String name, List<String> command, Path log, String marker, long timeoutMillis)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        Map<String, String> environment = builder.environment();
        STRIPPED_ENVIRONMENT.forEach(environment::remove);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        AtomicLong markerAt = new AtomicLong();
        CountDownLatch markerOrEnd = new CountDownLatch(1);
        long start = System.nanoTime();
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.inputReader()) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (marker != null && markerAt.get() == 0 && line.equals(marker)) {
                        markerAt.set(System.nanoTime());
                        markerOrEnd.countDown();
                    }
                    out.add(line);
                }
            } catch (IOException e) {
                // The child was killed.
            } finally {
                markerOrEnd.countDown();
            }
        }, "perf-reader-" + name);
        reader.setDaemon(true);
        reader.start();
        if (marker != null) {
            boolean ended = markerOrEnd.await(timeoutMillis, TimeUnit.MILLISECONDS);
            long seen = markerAt.get();
            if (seen != 0) {
                process.destroyForcibly();
                process.waitFor();
                reader.join(5_000);
                return new Run(name, -1, seen - start, true, false, out, log);
            }
            process.destroyForcibly();
            int exit = process.waitFor();
            reader.join(5_000);
            return new Run(name, ended ? exit : -1, System.nanoTime() - start, false, !ended, out, log);
        }
        boolean exited = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        long nanos = System.nanoTime() - start;
        if (!exited) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join(5_000);
        return new Run(name, exited ? process.exitValue() : -1, nanos, false, !exited, out, log);
    }
}
