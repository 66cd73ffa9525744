package dev.deskassist.core.audit.internal;

import dev.deskassist.core.audit.AuditException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file of JSON lines, flushed per line so that a crash loses nothing that was
 * acknowledged; what the audit and correction sinks write through. Safe for concurrent use.
 */
public final class JsonLinesFile implements AutoCloseable {

    private final Path file;
    private final String what;
    private final Writer out;

    /**
     * Opens (creating it and its directory when missing) the file to append to.
     *
     * @param what the file's role in messages, for example {@code audit file}
     */
    public JsonLinesFile(Path file, String what) {
        this.file = file;
        this.what = what;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AuditException("cannot open " + what + " " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one line (without its line break) and flushes it. */
    public void append(String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new AuditException("cannot append to " + what + " " + file, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new AuditException("cannot close " + what + " " + file, e);
            }
        }
    }
}
