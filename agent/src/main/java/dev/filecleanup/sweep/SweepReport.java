package dev.filecleanup.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The report of a sweep in {@code report} mode: one CSV line per orphan, {@code path,size,modified} (absolute path,
 * bytes, ISO-8601 UTC), after a header line. Fields are quoted as RFC 4180 says when they hold a comma, a quote
 * or a line break, which a file name may.
 */
final class SweepReport implements AutoCloseable {
    static final String HEADER = "path,size,modified";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path partial;
    private final BufferedWriter out;
    private long lines;

    SweepReport(Path folder, Instant started) throws IOException {
        Files.createDirectories(folder);
        this.file = folder.resolve("sweep-" + STAMP.format(started) + ".csv");
        // Written under another name and renamed once complete: a report that exists is whole.
        this.partial = folder.resolve(file.getFileName() + ".part");
        this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    void add(Path path, long size, long modified) throws IOException {
        out.write(field(path.toString()));
        out.write(',');
        out.write(Long.toString(size));
        out.write(',');
        out.write(Instant.ofEpochMilli(modified).toString());
        out.write('\n');
        lines++;
    }

    Path file() {
        return file;
    }

    long lines() {
        return lines;
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Closes the report and gives it its name. */
    void complete() throws IOException {
        out.close();
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes what is left of a report that was not completed. */
    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(partial);
    }
}
