package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code evaluate} on the shipped sample: the column defaults agree with the
 * library's, results go to standard output and progress to standard error.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path sample() throws Exception {
        Path file = dir.resolve("training.jsonl");
        Files.writeString(file, Nordwind.text("training.jsonl"));
        return file;
    }

    @Test
    void trainsOnTheShippedSampleWithoutColumnOptions() throws Exception {
        Path model = dir.resolve("intent.model");
        assertEquals(0, run("train", "--data", sample().toString(), "--out", model.toString()), err.toString());
        LinearIntentModel m = LinearIntentModel.load(model);
        assertEquals(10, m.labels().size(), m.labels().toString());
        assertTrue(out.toString().contains("examples          250 (0 rows skipped"), out.toString());
        // not a terminal under test: plain progress lines on standard error, none on standard output
        List<String> progress = err.toString().lines().filter(l -> l.startsWith("deskassist train: ")).toList();
        assertTrue(progress.size() >= 2, err.toString());
        assertTrue(progress.get(progress.size() - 1).startsWith("deskassist train: took "), err.toString());
        assertTrue(err.toString().contains("% ("), err.toString());
        assertTrue(out.toString().lines().noneMatch(l -> l.startsWith("deskassist")), out.toString());
    }

    @Test
    void evaluateJsonStaysParseableWhileProgressGoesToStandardError() throws Exception {
        String file = sample().toString();
        assertEquals(0, run("evaluate", "--train", file, "--test", file, "--json", "--folds", "2"), err.toString());
        JsonObject o = JsonCodec.jsonp().createReader(new StringReader(out.toString().strip())).readObject();
        assertEquals(250, o.getInt("n"));
        assertEquals(10, o.getInt("labels"));
        assertTrue(err.toString().contains("deskassist evaluate: took "), err.toString());
    }

    @Test
    void learnsACategoryThatOnlyTheCorrectionsFileTeaches() throws Exception {
        // serve's corrections file: the library's text/label columns, a label the sample never uses
        Path corrections = dir.resolve("corrections.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            rows.append("{\"text\":\"Gutschein Nummer ").append(i)
                    .append(" wird an der Kasse abgelehnt\",\"label\":\"voucher\",\"ticket\":\"t")
                    .append(i).append("\",\"at\":\"2026-11-01T10:00:00Z\"}\n");
        }
        Files.writeString(corrections, rows);
        Path model = dir.resolve("corrected.model");
        assertEquals(0, run("train", "--data", sample().toString(), "--with-corrections", corrections.toString(),
                "--out", model.toString()), err.toString());
        LinearIntentModel m = LinearIntentModel.load(model);
        assertEquals(11, m.labels().size(), m.labels().toString());
        assertTrue(m.labels().contains("voucher"), m.labels().toString());
        assertTrue(out.toString().contains("examples          256"), out.toString());
    }
}
