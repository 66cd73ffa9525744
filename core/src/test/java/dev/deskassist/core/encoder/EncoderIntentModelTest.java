package dev.deskassist.core.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.classify.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Training, paths, bad input and persistence of the encoder tier, with the real bge-small encoder. */
@Timeout(180)
class EncoderIntentModelTest {

    private static EncoderTrainingResult result;
    private static EncoderIntentModel model;

    @BeforeAll
    static void train() {
        EncoderTrainerConfig config = EncoderTrainerConfig.defaults(EncoderKind.BGE_SMALL_EN_V15_Q).withFolds(4)
                .withEpochs(30).withL2Grid(List.of(1e-3, 1e-2)).withThreads(1);
        result = new EncoderIntentTrainer(config).train(TinyIntents.data());
        model = result.model();
    }

    @Test
    void recognisesParaphrasesItNeverSaw() {
        assertEquals("card_lost", top("a thief grabbed my visa card"));
        assertEquals("refund", top("I would like to be reimbursed for the broken blender"));
        assertEquals("password_reset", top("I do not remember the password of my account"));
        assertEquals("delivery_late", top("my shipment is overdue"));
    }

    @Test
    void theTrainerChoseEverythingByCrossValidation() {
        assertEquals(TinyIntents.ROWS.length, result.heldOut().size());
        assertTrue(model.encoderWeight() >= 0 && model.encoderWeight() <= 1);
        assertTrue(model.temperature() > 0);
        assertTrue(result.cvAccuracyBlend() >= result.cvAccuracyNgram() - 1e-9, result.toString());
        assertEquals(EncoderIntentTrainer.CASCADE_THRESHOLDS.length, result.cascade().size());
        double sum = model.predict("my parcel is late").stream().mapToDouble(IntentModel.ScoredLabel::probability).sum();
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void smallTrainingDataIsCrossValidatedOverSeveralDrawsOfFolds() {
        EncoderTrainerConfig config = EncoderTrainerConfig.defaults(EncoderKind.BGE_SMALL_EN_V15_Q);
        assertEquals(3, config.drawsFor(TinyIntents.ROWS.length));
        assertEquals(3, config.drawsFor(EncoderTrainerConfig.SMALL_DATA - 1));
        assertEquals(1, config.drawsFor(EncoderTrainerConfig.SMALL_DATA));
        assertEquals(1, config.withSmallDataDraws(1).drawsFor(10));
        assertThrows(IllegalArgumentException.class, () -> config.withSmallDataDraws(0));

        // three draws and one draw judge the settings on different held-out predictions; the same
        // seed gives the same model again
        EncoderTrainerConfig small = config.withFolds(4).withEpochs(30).withL2Grid(List.of(1e-3, 1e-2)).withThreads(1);
        EncoderTrainingResult again = new EncoderIntentTrainer(small).train(TinyIntents.data());
        assertEquals(model.version(), again.model().version());
        assertEquals(result.cvAccuracyBlend(), again.cvAccuracyBlend(), 1e-12);
        EncoderTrainingResult oneDraw = new EncoderIntentTrainer(small.withSmallDataDraws(1)).train(TinyIntents.data());
        assertEquals(TinyIntents.ROWS.length, oneDraw.heldOut().size());
        assertEquals(result.heldOut().size(), oneDraw.heldOut().size());
    }

    @Test
    void onNoiseTheAbstainThresholdStillAnswersHalfOfTheHeldOutTexts() {
        // labels dealt round-robin regardless of the text: no precision target is reachable
        List<dev.deskassist.core.triage.classify.Example> noisy = new java.util.ArrayList<>();
        String[] names = {"a", "b", "c", "d"};
        for (int i = 0; i < TinyIntents.ROWS.length; i++) {
            noisy.add(new dev.deskassist.core.triage.classify.Example(TinyIntents.ROWS[i][1], names[i % names.length]));
        }
        EncoderTrainerConfig config = EncoderTrainerConfig.defaults(EncoderKind.BGE_SMALL_EN_V15_Q).withFolds(4)
                .withEpochs(30).withL2Grid(List.of(1e-2)).withThreads(1).withSmallDataDraws(1);
        EncoderTrainingResult r = new EncoderIntentTrainer(config)
                .train(dev.deskassist.core.triage.classify.TrainingData.of("noise", noisy));
        long answered = r.heldOut().stream().filter(h -> h.confidence() >= r.model().abstainThreshold()).count();
        assertTrue(answered >= r.heldOut().size() * (1 - config.ngram().maxAbstainRate()) - 1,
                answered + " of " + r.heldOut().size() + " answered at threshold " + r.model().abstainThreshold());
    }

    @Test
    void englishTextTakesTheEncoderTierAndSaysSo() {
        EncoderIntentModel.Scored s = model.score("I forgot my password");
        assertEquals(EncoderIntentModel.Tier.BLEND, s.tier());
        assertTrue(s.notes().get(0).startsWith("encoder tier: bge-small-en-v1.5-q"), s.notes().toString());
    }

    @Test
    void aLanguageTheEncoderDoesNotKnowStaysOnTheNgramPath() {
        IntentModel.Ranking r = model.rank("Ich habe mein Passwort vergessen und kann mich nicht mehr anmelden");
        assertEquals(List.of("n-gram tier only: language de (encoder bge-small-en-v1.5-q is used for en)"), r.notes());
        EncoderIntentModel all = model.withEncoderLanguages(Set.of("*"));
        assertEquals(EncoderIntentModel.Tier.BLEND,
                all.score("Ich habe mein Passwort vergessen und kann mich nicht mehr anmelden").tier());
    }

    @Test
    void emptyAndOneWordTickets() {
        EncoderIntentModel.Scored empty = model.score("");
        assertEquals(EncoderIntentModel.Tier.NGRAM, empty.tier());
        assertEquals(List.of("n-gram tier only: no words for the encoder"), empty.notes());
        assertTrue(max(empty.probabilities()) < model.abstainThreshold() || model.abstainThreshold() == 0,
                "an empty ticket gets the spread-out prior");
        assertEquals(EncoderIntentModel.Tier.NGRAM, model.score("?!  12").tier());
        assertEquals(EncoderIntentModel.Tier.NGRAM, model.score(null).tier());

        EncoderIntentModel.Scored word = model.score("refund");
        assertEquals(EncoderIntentModel.Tier.BLEND, word.tier(), "one English word still goes to the encoder");
        assertEquals("refund", top("refund"));
    }

    @Test
    void aMegabyteTicketIsClassifiedFromItsHead() {
        StringBuilder sb = new StringBuilder("My parcel has not arrived and the tracking shows nothing. ");
        while (sb.length() < 1_000_000) {
            sb.append("Still waiting for the delivery of my order. ");
        }
        EncoderIntentModel.Scored s = model.score(sb.toString());
        assertEquals(EncoderIntentModel.Tier.BLEND, s.tier());
        assertEquals("delivery_late", top(sb.toString()));
    }

    @Test
    void cascadeSkipsTheEncoderWhenTheNgramModelIsSure() {
        EncoderIntentModel never = model.withCascade(0.0);
        EncoderIntentModel.Scored s = never.score("I forgot my password");
        assertEquals(EncoderIntentModel.Tier.NGRAM, s.tier());
        assertTrue(s.notes().get(0).startsWith("n-gram tier only: confident"), s.notes().toString());
        assertEquals(EncoderIntentModel.Tier.BLEND, model.withCascade(1.0).score("I forgot my password").tier());
        assertThrows(IllegalArgumentException.class, () -> model.withCascade(1.5));
    }

    @Test
    void savedAndLoadedAsOneVersionedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.daem");
        model.save(file);
        EncoderIntentModel back = EncoderIntentModel.load(file, EncoderIntentModel.Fallback.FAIL);
        assertEquals(model.version(), back.version());
        assertTrue(back.version().startsWith("encoder-v2:"), back.version());
        assertTrue(back.encoderActive());
        assertEquals(model.labels(), back.labels());
        assertArrayEquals(model.score("where is my package").probabilities(),
                back.score("where is my package").probabilities(), 1e-9);
        assertEquals(model.abstainThreshold(), back.abstainThreshold());
    }

    @Test
    void anotherEncoderIsATypedErrorOrANamedFallback(@TempDir Path dir) throws Exception {
        float[] otherFingerprint = new float[EncoderIntentModel.FINGERPRINT_VALUES];
        otherFingerprint[0] = 0.5f;
        EncoderIntentModel other = new EncoderIntentModel(model.ngramModel(), EncoderKind.BGE_SMALL_EN_V15_Q, "0.0.1",
                otherFingerprint, headOf(model), null, 0, model.encoderWeight(), model.logLinear(), model.temperature(),
                model.abstainThreshold(), 1.0,
                Set.of("en"), null, "test", new dev.deskassist.core.triage.language.NgramLanguageDetector(), null);
        Path file = dir.resolve("other.daem");
        other.save(file);
        EncoderException e = assertThrows(EncoderException.class,
                () -> EncoderIntentModel.load(file, EncoderIntentModel.Fallback.FAIL));
        assertEquals(EncoderException.Problem.MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("0.0.1"), e.getMessage());

        EncoderIntentModel fallback = EncoderIntentModel.load(file);
        assertFalse(fallback.encoderActive());
        assertEquals(model.ngramModel().abstainThreshold(), fallback.abstainThreshold());
        IntentModel.Ranking r = fallback.rank("I forgot my password");
        assertTrue(r.notes().get(0).startsWith("n-gram tier only: encoder bge-small-en-v1.5-q"), r.notes().toString());
        assertArrayEquals(model.ngramModel().probabilities("I forgot my password"),
                fallback.score("I forgot my password").probabilities(), 1e-12);
    }

    @Test
    void damagedFilesAreRejected(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        byte[] bytes = out.toByteArray();

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        ModelFormatException corrupt = assertThrows(ModelFormatException.class,
                () -> EncoderIntentModel.load(new ByteArrayInputStream(flipped), EncoderIntentModel.Fallback.FAIL));
        assertTrue(corrupt.getMessage().contains("SHA-256"), corrupt.getMessage());

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 3);
        assertThrows(ModelFormatException.class,
                () -> EncoderIntentModel.load(new ByteArrayInputStream(truncated), EncoderIntentModel.Fallback.FAIL));

        Path ngramFile = dir.resolve("ngram.bin");
        model.ngramModel().save(ngramFile);
        ModelFormatException wrong = assertThrows(ModelFormatException.class, () -> EncoderIntentModel.load(ngramFile));
        assertTrue(wrong.getMessage().contains("DAEM"), wrong.getMessage());

        byte[] future = bytes.clone();
        future[7] = 9;
        ModelFormatException version = assertThrows(ModelFormatException.class,
                () -> EncoderIntentModel.load(new ByteArrayInputStream(future), EncoderIntentModel.Fallback.FAIL));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }

    static EmbeddingClassifier headOf(EncoderIntentModel m) {
        return m.head();
    }

    private static String top(String text) {
        return model.predict(text).get(0).label();
    }

    private static double max(double[] p) {
        double m = 0;
        for (double v : p) {
            m = Math.max(m, v);
        }
        return m;
    }
}
