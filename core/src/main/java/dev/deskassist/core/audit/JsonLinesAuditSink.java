package dev.deskassist.core.audit;

import dev.deskassist.core.audit.internal.JsonLinesFile;
import dev.deskassist.core.json.JsonCodec;
import java.nio.file.Path;

/**
 * Appends each decision record as one JSON line to a file, flushed per record so that a crash
 * loses nothing that was acknowledged. Outcome and feedback records go to the same file, each line
 * starting with its {@code "type"} ({@value OutcomeRecord#TYPE}, {@value FeedbackRecord#TYPE}); a
 * decision line has no type, as before. Safe for concurrent use.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

    private final JsonLinesFile lines;

    public JsonLinesAuditSink(Path file) {
        this.lines = new JsonLinesFile(file, "audit file");
    }

    public Path file() {
        return lines.file();
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
        lines.append(line);
    }

    @Override
    public void close() {
        lines.close();
    }
}
