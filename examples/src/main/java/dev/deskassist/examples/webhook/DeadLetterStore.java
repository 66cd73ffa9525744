package dev.deskassist.examples.webhook;

import dev.deskassist.core.json.JsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps events that failed after all retries as JSON lines in a folder, one file per day
 * ({@code dead-letter-2026-01-05.jsonl}), flushed per line so that a crash loses nothing
 * acknowledged. {@link #read(Path)} loads a file back for {@code replay}.
 */
public final class DeadLetterStore implements AutoCloseable {

    private final Path folder;
    private final AtomicLong count = new AtomicLong();
    private BufferedWriter out;
    private Path current;

    public DeadLetterStore(Path folder) {
        this.folder = folder;
    }

    /** Appends one failed event. */
    public synchronized Path add(DeadLetter letter) {
        try {
            Path file = folder.resolve("dead-letter-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
            if (!file.equals(current)) {
                if (out != null) {
                    out.close();
                }
                Files.createDirectories(folder);
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                current = file;
            }
            out.write(JsonCodec.toJson(letter));
            out.write('\n');
            out.flush();
            count.incrementAndGet();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to dead-letter folder " + folder, e);
        }
    }

    /** Events added since this store was opened. */
    public long count() {
        return count.get();
    }

    public Path folder() {
        return folder;
    }

    /** Reads a dead-letter file; a line that cannot be read names the file and line number. */
    public static List<DeadLetter> read(Path file) throws IOException {
        List<DeadLetter> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(JsonCodec.fromJson(line, DeadLetter.class));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a dead-letter entry (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
