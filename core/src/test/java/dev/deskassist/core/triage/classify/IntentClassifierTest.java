package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.IntentModel.ScoredLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on the project's own small German/English sample (tickets.csv, six categories). */
class IntentClassifierTest {

    private static TrainingData data;
    private static TrainingResult result;
    private static LinearIntentModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws URISyntaxException {
        data = TrainingDataReader.builder().labelColumn("category").build()
                .read(Path.of(IntentClassifierTest.class.getResource("tickets.csv").toURI()));
        result = new IntentTrainer(TrainerConfig.defaults()).train(data);
        model = result.model();
    }

    @Test
    void readsTheSampleFile() {
        assertEquals(90, data.size());
        assertEquals(List.of("billing", "cancellation", "delivery", "login", "outage", "returns"),
                List.copyOf(data.labels()));
        assertEquals(0, data.skippedRows());
    }

    @Test
    void predictsUnseenSentencesInBothLanguages() {
        Map<String, String> heldOut = Map.of(
                "I was billed twice, please refund the extra charge", "billing",
                "Meine Rechnung ist falsch, der Betrag stimmt nicht", "billing",
                "My parcel has still not arrived, where is it?", "delivery",
                "Wo bleibt mein Paket? Die Lieferung ist verspätet", "delivery",
                "I cannot log in, the password reset does not work", "login",
                "Ich möchte meinen Vertrag kündigen", "cancellation",
                "I want to return this item and get a return label", "returns",
                "Die Webseite ist down, Fehler 503 bei allen Nutzern", "outage");
        long right = heldOut.entrySet().stream()
                .filter(e -> model.predict(e.getKey()).get(0).label().equals(e.getValue())).count();
        assertTrue(right >= 7, "only " + right + " of " + heldOut.size() + " right");
    }

    @Test
    void rankingCoversEveryLabelWithProbabilitiesThatSumToOne() {
        List<ScoredLabel> ranked = model.predict("Where is my parcel?");
        assertEquals(model.labels().size(), ranked.size());
        double sum = 0;
        for (int i = 0; i < ranked.size(); i++) {
            double p = ranked.get(i).probability();
            assertTrue(p >= 0 && p <= 1, "probability " + p);
            if (i > 0) {
                assertTrue(p <= ranked.get(i - 1).probability(), "not ranked");
            }
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals("delivery", ranked.get(0).label());
        assertEquals(ranked.get(0), model.best("Where is my parcel?"));
    }

    @Test
    void emptyEmojiAndHugeTextsGetALowConfidencePredictionNotAnException() {
        for (String text : new String[] {"", "   ", "😡😡😡", "\u0000\u0001\u0002", null}) {
            List<ScoredLabel> ranked = model.predict(text);
            assertEquals(6, ranked.size());
            assertTrue(ranked.get(0).probability() < model.abstainThreshold(),
                    "confident on an empty text: " + ranked.get(0));
        }
        String huge = "Mein Paket ist nicht angekommen. ".repeat(40_000); // about 1.3 MB
        assertEquals("delivery", model.predict(huge).get(0).label());
    }

    @Test
    void calibrationAndThresholdComeFromCrossValidationOnTrainingData() {
        assertEquals(data.size(), result.heldOut().size());
        assertTrue(model.temperature() > 0);
        assertTrue(model.abstainThreshold() >= 0 && model.abstainThreshold() <= 1.0000001);
        assertTrue(result.heldOutAccuracy() > 0.5, "cross-validated accuracy " + result.heldOutAccuracy());
        Evaluation held = result.heldOutEvaluation();
        assertTrue(Double.isNaN(held.accuracyOnAnswered()) || held.accuracyOnAnswered() >= held.accuracy());
    }

    @Test
    void saveAndLoadGiveTheSamePredictions() throws IOException {
        Path file = dir.resolve("intent.model");
        model.save(file);
        LinearIntentModel loaded = LinearIntentModel.load(file);
        assertEquals(model.version(), loaded.version());
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.abstainThreshold(), loaded.abstainThreshold());
        for (String text : List.of("Ich kann mich nicht einloggen", "refund please", "", "Die App stürzt ab")) {
            assertEquals(model.predict(text), loaded.predict(text));
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        TrainingResult again = new IntentTrainer(TrainerConfig.defaults()).train(data);
        assertEquals(model.version(), again.model().version());
        assertArrayEquals(model.probabilities("Paket fehlt"), again.model().probabilities("Paket fehlt"));
        TrainingResult other = new IntentTrainer(TrainerConfig.builder().seed(7).build()).train(data);
        assertNotEquals(model.version(), other.model().version());
    }

    @Test
    void rejectsAFileThatIsNotAModel() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a model");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> LinearIntentModel.load(file));
        assertTrue(e.getMessage().contains("not a DeskAssist intent model"), e.getMessage());
        ModelFormatException missing = assertThrows(ModelFormatException.class,
                () -> LinearIntentModel.load(dir.resolve("absent.model")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void rejectsACorruptModel() throws IOException {
        byte[] bytes = saved();
        bytes[bytes.length / 2] ^= 0x55;
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> load(bytes));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void rejectsATruncatedModel() throws IOException {
        byte[] bytes = saved();
        for (int length : new int[] {6, 14, bytes.length / 2, bytes.length - 1}) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> load(Arrays.copyOf(bytes, length)));
            assertTrue(e.getMessage().contains("truncated"), length + ": " + e.getMessage());
        }
    }

    @Test
    void rejectsAnotherFormatVersion() throws IOException {
        byte[] bytes = saved();
        ByteBuffer.wrap(bytes).putInt(4, LinearIntentModel.FORMAT_VERSION + 1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> load(bytes));
        assertTrue(e.getMessage().contains("version " + (LinearIntentModel.FORMAT_VERSION + 1)), e.getMessage());
    }

    @Test
    void evaluatesOnLabeledTexts() {
        List<Example> test = List.of(new Example("Mein Paket ist nicht da", "delivery"),
                new Example("I forgot my password", "login"), new Example("", "billing"));
        Evaluation e = Evaluation.of(model, test, model.abstainThreshold());
        assertEquals(3, e.n());
        assertTrue(e.abstainRate() >= 1 / 3.0 - 1e-9, "the empty text must abstain");
        assertTrue(e.accuracy() >= 2 / 3.0 - 1e-9, e.toString());
    }

    private static byte[] saved() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }

    private static LinearIntentModel load(byte[] bytes) throws IOException {
        return LinearIntentModel.load(new ByteArrayInputStream(bytes));
    }
}
