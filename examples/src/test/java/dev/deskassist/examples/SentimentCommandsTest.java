package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.sentiment.SentimentModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --task sentiment} and {@code evaluate-sentiment --folds} on messages the test writes. */
class SentimentCommandsTest {

    @TempDir
    Path dir;

    /** 60 short messages in the airline file's columns, written here (no third-party data). */
    private Path messages(String labelColumn) throws IOException {
        String[][] parts = {
            {"negative", "Terrible service, my bag is lost again", "Awful, the flight was cancelled and nobody helps",
                "Worst airline ever, three hours delay", "I am furious, the refund never came"},
            {"positive", "Thank you, the crew was wonderful", "Great flight, lovely staff, thanks",
                "Loved the new seats, thank you so much", "Excellent service at the gate today"},
            {"neutral", "What time does boarding start for flight 12", "Is there wifi on the flight to Boston",
                "My booking reference is ABC123", "Which terminal does the flight leave from"}};
        List<String> lines = new ArrayList<>();
        lines.add("text," + labelColumn);
        for (int copy = 0; copy < 5; copy++) {
            for (String[] p : parts) {
                for (int i = 1; i < p.length; i++) {
                    lines.add("\"" + p[i] + (copy > 0 ? " " + "abcde".charAt(copy) : "") + "\"," + p[0]);
                }
            }
        }
        Path file = dir.resolve(labelColumn + ".csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainTaskSentimentSavesAModelForTheGivenLanguages() throws Exception {
        Path out = dir.resolve("sentiment.model");
        int code = new TrainCommand().run(List.of("--task", "sentiment", "--data", messages("sentiment").toString(),
                "--out", out.toString(), "--language", "en"));
        assertEquals(0, code);
        SentimentModel model = SentimentModel.load(out);
        assertEquals(Set.of("en"), model.languages());
        assertEquals(Set.copyOf(SentimentModel.LABELS), model.classifier().labels());
    }

    @Test
    void unknownTaskIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> new TrainCommand().run(List.of("--task", "mood", "--data", "x.csv")));
        assertTrue(e.getMessage().contains("intent or sentiment"), e.getMessage());
    }

    @Test
    void evaluateSentimentCrossValidatesTheTrainedModel() throws Exception {
        Path file = messages("airline_sentiment");
        assertEquals(0, new EvaluateSentimentCommand().run(List.of("--file", file.toString(), "--format", "airline",
                "--folds", "3", "--json")));
        assertEquals(0, new EvaluateSentimentCommand().run(List.of("--file", file.toString(), "--format", "airline",
                "--train", file.toString())));
    }
}
