package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --encoder}, {@code train --encoder}, {@code bench-encoder} and {@code evaluate-retrieval --encoder} run end to end. */
@Timeout(300)
class EncoderCommandsTest {

    private static final String TRAIN = """
            text,category
            I lost my card yesterday,card_lost
            my debit card was stolen,card_lost
            I can't find my card anywhere,card_lost
            please block my card it is missing,card_lost
            my credit card got stolen on the train,card_lost
            freeze my card I misplaced it,card_lost
            I want my money back for this order,refund
            please refund the purchase,refund
            how long does a refund take,refund
            I returned the item but got no refund,refund
            refund my subscription fee please,refund
            where is the money for my returned parcel,refund
            my parcel has not arrived yet,delivery_late
            where is my package it is late,delivery_late
            the delivery was due last week,delivery_late
            tracking shows no update for days,delivery_late
            the courier never came,delivery_late
            the package is delayed again,delivery_late
            """;
    private static final String TEST = """
            text,category
            a thief took my visa card,card_lost
            I would like to be reimbursed,refund
            my shipment is overdue,delivery_late
            the bank card is gone,card_lost
            """;

    @Test
    void evaluateTrainAndBenchWithTheCheaperEncoder(@TempDir Path dir) throws Exception {
        Path train = Files.writeString(dir.resolve("train.csv"), TRAIN);
        Path test = Files.writeString(dir.resolve("test.csv"), TEST);
        JsonObject e = json(() -> run("evaluate", "--label-column", "category", "--encoder", "minilm", "--encoder-folds", "2",
                "--encoder-epochs", "20", "--encoder-l2", "0.01", "--threads", "1", "--train", train.toString(), "--test",
                test.toString(), "--json"));
        assertEquals(4, e.getInt("n"));
        assertTrue(e.getString("encoder").startsWith("all-minilm-l6-v2-q"), e.toString());
        assertTrue(e.getJsonNumber("accuracy").doubleValue() >= 0.75, e.toString());
        assertTrue(e.containsKey("cascadeOnTest") && e.containsKey("accuracyWithEncoderLanguagesAll"), e.toString());

        Path model = dir.resolve("intent.daem");
        String out = capture(() -> run("train", "--label-column", "category", "--encoder", "minilm", "--encoder-folds", "2",
                "--encoder-epochs", "20", "--encoder-l2", "0.01", "--data", train.toString(), "--out", model.toString()));
        assertTrue(Files.size(model) > 1000 && out.contains("encoder-v2:"), out);

        JsonObject b = json(() -> run("bench-encoder", "--label-column", "category", "--encoder", "minilm", "--encoder-folds", "2",
                "--encoder-epochs", "10", "--encoder-l2", "0.01", "--texts", "4", "--train", train.toString(), "--test",
                test.toString(), "--json"));
        assertEquals(4, b.getInt("timedTickets"));
        assertTrue(b.getJsonObject("encoderTier").getJsonNumber("cpuP50ms").doubleValue() > 0, b.toString());
    }

    @Test
    void hybridRetrievalKeepsOffTopicQuestionsUnconfident() throws Exception {
        JsonObject lexical = json(() -> run("evaluate-retrieval", "--json"));
        JsonObject hybrid = json(() -> run("evaluate-retrieval", "--encoder", "minilm", "--json"));
        assertTrue(hybrid.getString("retriever").startsWith("HybridKnowledgeRetriever[all-minilm-l6-v2-q, dense in [en]"),
                hybrid.getString("retriever"));
        assertEquals(0, hybrid.getInt("offTopicJudgedConfident"));
        assertEquals(lexical.getJsonObject("languages").getJsonObject("de"), hybrid.getJsonObject("languages").getJsonObject("de"),
                "German stays lexical");
    }

    private interface Run {
        String run() throws Exception;
    }

    /** Runs the program; its standard output, after checking it exited 0. */
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        return out.toString();
    }

    private static JsonObject json(Run r) throws Exception {
        String out = capture(r);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        try (var reader = JsonCodec.jsonp().createReader(new java.io.StringReader(last))) {
            return reader.readObject();
        }
    }

    private static String capture(Run r) throws Exception {
        return r.run();
    }
}
