package dev.deskassist.core.audit;

import dev.deskassist.core.json.JsonCodec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each decision record as one JSON line to a file, flushed per record so that a crash
 * loses nothing that was acknowledged. Outcome and feedback records go to the same file, each line
 * starting with its {@code "type"} ({@value OutcomeRecord#TYPE}, {@value FeedbackRecord#TYPE}); a
 * decision line has no type, as before. Safe for concurrent use.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

    private final Path file;
    private final Writer out;

    public JsonLinesAuditSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AuditException("cannot open audit file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void record(DecisionRecord record) {
        append(JsonCodec.toJson(record));
    }

    @Override
    public void outcome(OutcomeRecord record) {
        append(typed(OutcomeRecord.TYPE, record));
    }

    @Override
    public void feedback(FeedbackRecord record) {
        append(typed(FeedbackRecord.TYPE, record));
    }

    /** The record's JSON with {@code "type"} as its first member, so that readers can tell lines apart. */
    static String typed(String type, Object record) {
        String json = JsonCodec.toJson(record);
        return "{\"type\":\"" + type + "\"" + (json.length() > 2 ? "," : "") + json.substring(1);
    }

    private void append(String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new AuditException("cannot append to audit file " + file, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new AuditException("cannot close audit file " + file, e);
            }
        }
    }
}
