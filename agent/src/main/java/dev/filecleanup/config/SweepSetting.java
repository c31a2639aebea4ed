package dev.filecleanup.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    static SweepSetting parse(Map<ConfigOption, String> values, Duration every, Duration minAge, int rate,
                              boolean force, List<Path> roots, Path home) {
        Mode mode = switch (values.get(ConfigOption.SWEEP).toLowerCase(Locale.ROOT)) {
            case "off" -> Mode.OFF;
            case "report" -> Mode.REPORT;
            case "delete" -> Mode.DELETE;
            default -> throw AgentConfig.invalid(ConfigOption.SWEEP, values.get(ConfigOption.SWEEP),
                    "off, report or delete");
        };
        String at = values.get(ConfigOption.SWEEP_AT).toLowerCase(Locale.ROOT);
        if (!at.equals("startup") && !at.equals("none")) {
            throw AgentConfig.invalid(ConfigOption.SWEEP_AT, values.get(ConfigOption.SWEEP_AT), "startup or none");
        }
        if (every != null && every.isZero()) {
            throw AgentConfig.invalid(ConfigOption.SWEEP_EVERY, values.get(ConfigOption.SWEEP_EVERY),
                    "a duration above zero, or nothing for no schedule");
        }
        List<String> exclude = new ArrayList<>();
        for (String glob : values.get(ConfigOption.SWEEP_EXCLUDE).split(",")) {
            String trimmed = glob.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("/") || trimmed.equals("..") || trimmed.startsWith("../")
                    || trimmed.contains("/../")) {
                throw AgentConfig.invalid(ConfigOption.SWEEP_EXCLUDE, trimmed,
                        "globs relative to a root, such as tmp/** or cache/**");
            }
            exclude.add(trimmed);
        }
        // Looked at only when a sweep may run: premain of an agent without one touches no file for it.
        Path reports = mode == Mode.OFF ? null : reports(values.get(ConfigOption.SWEEP_REPORTS), roots, home);
        return new SweepSetting(mode, at.equals("startup"), every, minAge, List.copyOf(exclude), rate, force,
                reports);
    }

    /** The folder of the reports, outside every root: a report there would be swept itself. */
    private static Path reports(String raw, List<Path> roots, Path home) {
        Path folder;
        try {
            folder = raw.isEmpty() ? home.resolve(JournalSetting.AUTO_FOLDER).resolve("sweep") : Path.of(raw);
        } catch (InvalidPathException e) {
            throw AgentConfig.invalid(ConfigOption.SWEEP_REPORTS, raw, "a directory outside every storage root");
        }
        if (!folder.isAbsolute() || JournalSetting.inside(folder, roots)) {
            throw AgentConfig.invalid(ConfigOption.SWEEP_REPORTS, raw.isEmpty() ? folder.toString() : raw,
                    "an absolute directory outside every storage root");
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
