package dev.deskassist.core.triage.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.ModelFormatException;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataException;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.rules.Taxonomy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on the project's own 90 labeled messages (messages.csv). */
class SentimentTrainerTest {

    private static SentimentTrainingResult result;
    private static SentimentModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws URISyntaxException {
        TrainingData data = TrainingDataReader.builder().labelColumn("sentiment").build()
                .read(Path.of(SentimentTrainerTest.class.getResource("messages.csv").toURI()));
        result = SentimentTrainer.defaults().train(data, Set.of("en"));
        model = result.model();
    }

    @Test
    void learnsThePolarityOfUnseenMessages() {
        TrainedSentimentAnalyzer analyzer = new TrainedSentimentAnalyzer(model, LexiconSentimentAnalyzer.defaults());
        Map<String, Sentiment.Polarity> unseen = Map.of(
                "Really annoyed, the invoice is wrong again.", Sentiment.Polarity.NEGATIVE,
                "Thank you so much, the courier was very friendly!", Sentiment.Polarity.POSITIVE,
                "For your information, the order number is 7781.", Sentiment.Polarity.NEUTRAL,
                "Worst experience ever, the parcel came broken!", Sentiment.Polarity.NEGATIVE);
        unseen.forEach((text, polarity) -> {
            Decision<Sentiment> d = analyzer.analyze(text, "en");
            assertEquals(polarity, d.value().polarity(), text + " -> " + d.reasons());
            assertEquals(TrainedSentimentAnalyzer.NAME, d.decidedBy());
        });
    }

    @Test
    void labelsAreCaseInsensitiveAndTheBlendIsChosenOnHeldOutData() {
        assertEquals(Set.copyOf(SentimentModel.LABELS), model.classifier().labels());
        assertTrue(model.lexiconWeight() >= 0 && model.lexiconWeight() <= 1);
        // the blend was chosen among weights that include the classifier alone and the lexicon alone
        assertTrue(result.heldOutMacroF1Blend() >= result.heldOutMacroF1Classifier() - 1e-9);
        assertTrue(result.heldOutMacroF1Blend() >= result.heldOutMacroF1Lexicon() - 1e-9);
        assertTrue(result.heldOutMacroF1Blend() > 0.8, "held-out macro-F1 " + result.heldOutMacroF1Blend());
    }

    @Test
    void keepsFrustrationAndUrgencyFromTheLexicon() {
        TrainedSentimentAnalyzer analyzer = new TrainedSentimentAnalyzer(model, LexiconSentimentAnalyzer.defaults());
        String text = "I am fed up, this is the third time I write, the app crashes every time!!!";
        Decision<Sentiment> trained = analyzer.analyze(text, "en");
        Decision<Sentiment> lexicon = LexiconSentimentAnalyzer.defaults().analyze(text, "en");
        assertTrue(lexicon.value().frustration() > 0);
        assertEquals(lexicon.value().frustration(), trained.value().frustration(), 1e-12);
        assertEquals(lexicon.value().urgency(), trained.value().urgency(), 1e-12);
        assertTrue(trained.reasons().get(0).contains(model.version()), trained.reasons().toString());
    }

    @Test
    void leavesOtherLanguagesToTheLexiconAndSaysSo() {
        TrainedSentimentAnalyzer analyzer = new TrainedSentimentAnalyzer(model, LexiconSentimentAnalyzer.defaults());
        Decision<Sentiment> d = analyzer.analyze("Das ist wirklich schlecht, ich bin sehr verärgert.", "de");
        assertEquals(LexiconSentimentAnalyzer.NAME, d.decidedBy());
        assertEquals(Sentiment.Polarity.NEGATIVE, d.value().polarity());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("lexicon alone")), d.reasons().toString());
        assertEquals(LexiconSentimentAnalyzer.NAME, analyzer.analyze("  ", "en").decidedBy());
    }

    @Test
    void triageUsesTheTrainedModelWhenConfigured() {
        OfflineTriage triage = OfflineTriage.builder()
                .languageDetector(text -> Decision.of("en", 0.9, "stub-lang"))
                .sentimentAnalyzer(LexiconSentimentAnalyzer.defaults().withModel(model))
                .styleAnalyzer((text, lang) -> Decision.of(StyleProfile.UNKNOWN, 0.5, "stub"))
                .taxonomy(Taxonomy.parse("{\"version\": \"t-1\", \"fallbackGroup\": \"Triage\", \"categories\": [{\"id\": \"billing\", \"group\": \"Billing\", \"rules\": [{\"keywords\": [\"refund\"]}]}]}",
                        "t.json"))
                .build();
        TriageResult r = triage.triage(Ticket.builder("1").subject("Refund")
                .description("Disappointed: my refund never arrived.").build());
        assertEquals(TrainedSentimentAnalyzer.NAME, r.sentiment().decidedBy());
        assertEquals(Sentiment.Polarity.NEGATIVE, r.sentiment().value().polarity());
    }

    @Test
    void savesAndLoadsTheSameModel() throws IOException {
        Path file = dir.resolve("sentiment.model");
        model.save(file);
        SentimentModel loaded = SentimentModel.load(file);
        assertEquals(model.version(), loaded.version());
        assertEquals(model.lexiconWeight(), loaded.lexiconWeight());
        assertArrayEquals(model.labelBias(), loaded.labelBias());
        assertEquals(model.languages(), loaded.languages());
        String text = "Great news, the login works now.";
        assertArrayEquals(model.probabilities(text), loaded.probabilities(text), 1e-12);
    }

    @Test
    void rejectsFilesThatAreNotSentimentModels() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        byte[] bytes = out.toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> SentimentModel.load(new ByteArrayInputStream(truncated)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path intent = dir.resolve("intent.model");
        model.classifier().save(intent);
        e = assertThrows(ModelFormatException.class, () -> SentimentModel.load(intent));
        assertTrue(e.getMessage().contains("DASM"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> SentimentModel.load(dir.resolve("missing.model")));
        assertTrue(Files.notExists(dir.resolve("missing.model")));
    }

    @Test
    void rejectsLabelsThatAreNotPolarities() {
        TrainingData data = TrainingData.of("mixed.csv", List.of(new Example("great", "positive"),
                new Example("awful", "negative"), new Example("where is my parcel", "delivery")));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> SentimentTrainer.defaults().train(data, Set.of()));
        assertTrue(e.getMessage().contains("'delivery'") && e.getMessage().contains("mixed.csv"), e.getMessage());
    }
}
