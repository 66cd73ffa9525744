package dev.deskassist.core.outcome;

import dev.deskassist.core.audit.internal.JsonLinesFile;
import dev.deskassist.core.json.JsonCodec;
import jakarta.json.JsonObject;
import java.nio.file.Path;

/**
 * Appends correction rows as JSON lines {@code {"text":…,"label":…,"ticket":"helpdesk:id","at":…}},
 * the format {@link dev.deskassist.core.triage.classify.TrainingDataReader#defaults()} reads (it
 * ignores the extra keys). The file holds pseudonymized ticket text: keep it like the training
 * file it feeds, and delete rows of a ticket by its {@code ticket} key when asked to. Safe for
 * concurrent use.
 */
public final class JsonLinesCorrectionSink implements CorrectionSink, AutoCloseable {

    private final JsonLinesFile lines;

    public JsonLinesCorrectionSink(Path file) {
        this.lines = new JsonLinesFile(file, "corrections file");
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void accept(CorrectionRow row) {
        JsonObject o = JsonCodec.jsonp().createObjectBuilder()
                .add("text", row.text())
                .add("label", row.label())
                .add("ticket", row.helpdesk() + ":" + row.ticketId())
                .add("at", row.at().toString())
                .build();
        lines.append(o.toString());
    }

    @Override
    public void close() {
        lines.close();
    }
}
