package dev.deskassist.core.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correction rows written by the sink are read by the trainer's reader and merged with the training file. */
class CorrectionRowsTrainingTest {

    @Test
    void correctionsFileMergesIntoTrainingData(@TempDir Path dir) throws IOException {
        Path corrections = dir.resolve("corrections.jsonl");
        try (JsonLinesCorrectionSink sink = new JsonLinesCorrectionSink(corrections)) {
            sink.accept(new CorrectionRow("Parcel arrived broken, [PERSON_1] [EMAIL_1]", "returns", "zendesk", "7",
                    Instant.parse("2026-03-02T10:00:00Z")));
            sink.accept(new CorrectionRow("Invoice shows a wrong \"address\"\nsecond line", "billing", "freshdesk",
                    "8", Instant.parse("2026-03-02T11:00:00Z")));
        }
        Path training = Files.writeString(dir.resolve("train.csv"), "text,label\nWhere is my parcel,shipping\n");

        TrainingData base = TrainingDataReader.defaults().read(training);
        TrainingData fromAgents = TrainingDataReader.defaults().read(corrections);
        TrainingData merged = base.merge(fromAgents);

        assertEquals(3, merged.size());
        assertEquals(List.of("shipping", "returns", "billing"), merged.examples().stream().map(Example::label).toList());
        assertEquals("Invoice shows a wrong \"address\"\nsecond line", merged.examples().get(2).text());
        assertTrue(merged.source().contains("corrections.jsonl"), merged.source());
        assertEquals(0, merged.skippedRows());
        String raw = Files.readString(corrections);
        assertTrue(raw.contains("\"ticket\":\"zendesk:7\""), raw);
        assertFalse(fromAgents.toString().contains("Parcel"), "toString shows no text");
    }
}
