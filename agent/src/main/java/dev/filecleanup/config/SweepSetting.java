package dev.filecleanup.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The orphan sweep's settings ({@code filecleanup.sweep.*}). Parsed at {@code premain} with plain code: the
 * exclusion globs are kept as text and compiled by the sweep, on its own thread.
 */
public final class SweepSetting {
    /** What a sweep does with the orphans it finds. */
    public enum Mode { OFF, REPORT, DELETE }

    private final Mode mode;
    private final boolean atStartup;
    private final Duration every;
    private final Duration minAge;
    private final List<String> exclude;
    private final int rate;
    private final boolean force;
    private final Path reports;

    private SweepSetting(Mode mode, boolean atStartup, Duration every, Duration minAge, List<String> exclude,
                         int rate, boolean force, Path reports) {
        this.mode = mode;
        this.atStartup = atStartup;
        this.every = every;
        this.minAge = minAge;
        this.exclude = exclude;
        this.rate = rate;
        this.force = force;
        this.reports = reports;
    }

    static SweepSetting parse(ConfigParser parse, List<Path> roots, Path home) {
        Mode mode = Mode.valueOf(parse.oneOf(ConfigOption.SWEEP, List.of("off", "report", "delete"))
                .toUpperCase(Locale.ROOT));
        boolean atStartup = parse.oneOf(ConfigOption.SWEEP_AT, List.of("startup", "none")).equals("startup");
        Duration every = null;
        if (!parse.text(ConfigOption.SWEEP_EVERY).isEmpty()) {
            every = parse.duration(ConfigOption.SWEEP_EVERY);
            if (every.isZero()) {
                parse.invalid(ConfigOption.SWEEP_EVERY, "a duration above zero, or nothing for no schedule");
                every = null;
            }
        }
        List<String> exclude = new ArrayList<>();
        for (String glob : parse.text(ConfigOption.SWEEP_EXCLUDE).split(",")) {
            String trimmed = glob.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("/") || trimmed.equals("..") || trimmed.startsWith("../")
                    || trimmed.contains("/../")) {
                parse.invalid(ConfigOption.SWEEP_EXCLUDE, "globs relative to a root, such as tmp/** or cache/**");
                continue;
            }
            exclude.add(trimmed);
        }
        Duration minAge = parse.duration(ConfigOption.SWEEP_MIN_AGE);
        int rate = parse.count(ConfigOption.SWEEP_RATE);
        boolean force = parse.bool(ConfigOption.SWEEP_FORCE);
        // Looked at only when a sweep may run: premain of an agent without one touches no file for it.
        Path reports = mode == Mode.OFF ? null : reports(parse, roots, home);
        return new SweepSetting(mode, atStartup, every, minAge, List.copyOf(exclude), rate, force,
                reports);
    }

    /** The folder of the reports, outside every root: a report there would be swept itself. */
    private static Path reports(ConfigParser parse, List<Path> roots, Path home) {
        String raw = parse.text(ConfigOption.SWEEP_REPORTS);
        Path folder;
        try {
            folder = raw.isEmpty() ? home.resolve(JournalSetting.AUTO_FOLDER).resolve("sweep") : Path.of(raw);
        } catch (InvalidPathException e) {
            parse.invalid(ConfigOption.SWEEP_REPORTS, "a directory outside every storage root");
            return null;
        }
        if (!folder.isAbsolute() || JournalSetting.inside(folder, roots)) {
            parse.invalid(ConfigOption.SWEEP_REPORTS, "an absolute directory outside every storage root"
                    + (raw.isEmpty() ? " (the default, " + folder + ", is not)" : ""));
            return null;
        }
        return folder.normalize();
    }

    public Mode mode() {
        return mode;
    }

    /** Whether a sweep runs once the SessionFactories built at startup are ready. */
    public boolean atStartup() {
        return atStartup;
    }

    /** The pause between scheduled sweeps; null when none is scheduled. */
    public Duration every() {
        return every;
    }

    /** The grace period: a file modified more recently than this is never swept. */
    public Duration minAge() {
        return minAge;
    }

    /** Globs relative to a root, {@code /}-separated, whose files are never swept. */
    public List<String> exclude() {
        return exclude;
    }

    /** Files per second that a sweep looks at, and deletes, at most. */
    public int rate() {
        return rate;
    }

    /** Whether {@code delete} goes on in a root where no file is referenced at all. */
    public boolean force() {
        return force;
    }

    /** Where reports are written, and the candidates spooled while a sweep runs; null when the sweep is off. */
    public Path reports() {
        return reports;
    }
}
