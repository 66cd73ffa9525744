package dev.deskassist.core.outcome;

import dev.deskassist.core.audit.AuditException;
import dev.deskassist.core.json.JsonCodec;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends correction rows as JSON lines {@code {"text":…,"label":…,"ticket":"helpdesk:id","at":…}},
 * the format {@link dev.deskassist.core.triage.classify.TrainingDataReader#defaults()} reads (it
 * ignores the extra keys). The file holds pseudonymized ticket text: keep it like the training
 * file it feeds, and delete rows of a ticket by its {@code ticket} key when asked to. Safe for
 * concurrent use.
 */
public final class JsonLinesCorrectionSink implements CorrectionSink, AutoCloseable {

    private final Path file;
    private final Writer out;

    public JsonLinesCorrectionSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AuditException("cannot open corrections file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void accept(CorrectionRow row) {
        JsonObject o = JsonCodec.jsonp().createObjectBuilder()
                .add("text", row.text())
                .add("label", row.label())
                .add("ticket", row.helpdesk() + ":" + row.ticketId())
                .add("at", row.at().toString())
                .build();
        synchronized (out) {
            try {
                out.write(o.toString());
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new AuditException("cannot append to corrections file " + file, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                throw new AuditException("cannot close corrections file " + file, e);
            }
        }
    }
}
