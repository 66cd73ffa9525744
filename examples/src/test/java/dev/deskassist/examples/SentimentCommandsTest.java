package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.sentiment.SentimentModel;
import dev.deskassist.core.json.JsonCodec;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
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

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

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
        int code = run("train", "--task", "sentiment", "--data", messages("label").toString(),
                "--out", out.toString(), "--language", "en");
        assertEquals(0, code);
        SentimentModel model = SentimentModel.load(out);
        assertEquals(Set.of("en"), model.languages());
        assertEquals(Set.copyOf(SentimentModel.LABELS), model.classifier().labels());
    }

    @Test
    void unknownTaskIsAUsageError() {
        assertEquals(2, run("train", "--task", "mood", "--data", "x.csv"));
        assertTrue(err.toString().contains("intent, sentiment"), err.toString());
    }

    @Test
    void evaluateSentimentCrossValidatesTheTrainedModel() throws Exception {
        Path file = messages("airline_sentiment");
        assertEquals(0, run("evaluate-sentiment", "--file", file.toString(), "--format", "airline", "--folds", "3",
                "--json"), err.toString());
        JsonObject o = JsonCodec.jsonp().createReader(new StringReader(out.toString().strip())).readObject();
        assertEquals(3, o.getJsonArray("lexiconWeights").size(), o.toString());
        assertTrue(o.getJsonObject("blend").getJsonNumber("macroF1").doubleValue() > 0.5, o.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("evaluate-sentiment", "--file", file.toString(), "--format", "airline", "--train",
                file.toString()), err.toString());
        assertTrue(out.toString().contains("trained on "), out.toString());
    }
}
