package dev.deskassist.core.triage.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.Sentiment.Polarity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconSentimentAnalyzerTest {

    private static final LexiconSentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.defaults();

    private static Sentiment sentiment(String text, String lang) {
        Decision<Sentiment> d = ANALYZER.analyze(text, lang);
        assertTrue(d.hasValue(), () -> d.reasons().toString());
        return d.value();
    }

    private static boolean hasCue(Sentiment s, String start) {
        return s.cues().stream().anyMatch(c -> c.startsWith(start));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de|Ich bin sehr zufrieden, vielen Dank!|POSITIVE",
            "de|Das ist eine Katastrophe, ich bin total enttäuscht.|NEGATIVE",
            "de|Bitte senden Sie mir die Rechnung für März.|NEUTRAL",
            "en|Thanks a lot, the new version works great 👍|POSITIVE",
            "en|This is the worst service I have ever had.|NEGATIVE",
            "en|Please send me the invoice for March.|NEUTRAL",
            "fr|Je suis très déçu, c'est inacceptable.|NEGATIVE",
            "es|Muchas gracias, el servicio es excelente.|POSITIVE",
            "it|Il servizio è pessimo, sono molto deluso.|NEGATIVE",
            "nl|Bedankt, geweldig geholpen!|POSITIVE",
            "pt|O atendimento foi péssimo.|NEGATIVE",
            "pl|Jestem bardzo zadowolony, dziękuję.|POSITIVE"})
    void readsPolarity(String lang, String text, Polarity expected) {
        assertEquals(expected, sentiment(text, lang).polarity());
    }

    @Test
    void negationFlipsAPositiveWord() {
        Sentiment s = sentiment("Ich bin nicht zufrieden mit dem Service.", "de");
        assertEquals(Polarity.NEGATIVE, s.polarity());
        assertTrue(s.cues().contains("negated positive: 'nicht zufrieden'"), s.cues().toString());
        assertEquals(Polarity.NEGATIVE, sentiment("I am not happy with this at all", "en").polarity());
        assertEquals(Polarity.NEGATIVE, sentiment("Je ne suis pas content.", "fr").polarity());
    }

    @Test
    void germanNegationAfterTheVerbCounts() {
        Sentiment s = sentiment("Das neue Design gefällt mir nicht", "de");
        assertEquals(Polarity.NEGATIVE, s.polarity());
        assertTrue(hasCue(s, "negated positive"), s.cues().toString());
    }

    @Test
    void negatedNegativeIsMildlyPositive() {
        Sentiment s = sentiment("not bad", "en");
        assertTrue(s.score() > 0, s.toString());
        assertTrue(hasCue(s, "negated negative: 'not bad'"), s.cues().toString());
    }

    @Test
    void negationDoesNotReachAcrossAClause() {
        Sentiment s = sentiment("Nicht schlecht. Ich bin zufrieden.", "de");
        assertEquals(Polarity.POSITIVE, s.polarity());
        assertTrue(s.cues().contains("positive: 'zufrieden'"), s.cues().toString());
    }

    @Test
    void intensifierStrengthensTheScore() {
        double plain = sentiment("Ich bin enttäuscht", "de").score();
        double strong = sentiment("Ich bin extrem enttäuscht", "de").score();
        assertTrue(strong < plain, strong + " vs " + plain);
    }

    @Test
    void repeatedContactExclamationsAndAngryEmojiRaiseFrustration() {
        Sentiment s = sentiment("Ich schreibe jetzt zum dritten Mal!!! Immer noch keine Antwort 😡", "de");
        assertEquals(Polarity.NEGATIVE, s.polarity());
        assertTrue(s.frustration() >= 0.7, s.toString());
        assertTrue(s.isUpset());
        assertTrue(s.cues().contains("repeated contact: 'zum dritten mal'"), s.cues().toString());
        assertTrue(s.cues().contains("3 exclamation marks"), s.cues().toString());
        assertTrue(s.cues().contains("negative: '😡'"), s.cues().toString());
    }

    @Test
    void shoutingIsACue() {
        Sentiment s = sentiment("WHY IS MY ORDER STILL NOT HERE, THIS IS RIDICULOUS", "en");
        assertTrue(hasCue(s, "shouting: "), s.cues().toString());
        assertTrue(s.frustration() > 0.5, s.toString());
    }

    @Test
    void urgencyIsSeparateFromPolarity() {
        Sentiment s = sentiment("Bitte heute noch zurückrufen, es ist dringend.", "de");
        assertTrue(s.urgency() >= 0.5, s.toString());
        assertTrue(s.cues().contains("urgency: 'dringend'"), s.cues().toString());
        assertEquals(0.0, sentiment("Please send the invoice.", "en").urgency());
        assertTrue(sentiment("I need this fixed ASAP", "en").urgency() > 0.5);
    }

    @Test
    void emojiOnlyTextStillHasASentiment() {
        assertEquals(Polarity.NEGATIVE, sentiment("😡😡", null).polarity());
        assertEquals(Polarity.POSITIVE, sentiment("🙏😊", "de").polarity());
        assertEquals(Polarity.POSITIVE, sentiment("ok :D", "en").polarity());
        assertEquals(Polarity.NEGATIVE, sentiment("hmm :-(", "en").polarity());
    }

    @Test
    void unknownLanguageUsesEveryLexiconAndSaysSo() {
        Decision<Sentiment> d = ANALYZER.analyze("terrible", "sv");
        assertEquals(Polarity.NEGATIVE, d.value().polarity());
        assertTrue(d.reasons().get(0).contains("no lexicon for 'sv'"), d.reasons().toString());
    }

    @Test
    void emptyTextHasNoValue() {
        assertNull(ANALYZER.analyze("", "en").value());
        assertNull(ANALYZER.analyze(null, "en").value());
        assertNull(ANALYZER.analyze("!!! ... ???", "en").value());
    }

    @Test
    void hugeTextIsCutAndStillRead() {
        String huge = "Das ist eine Frechheit. ".repeat(50_000);
        Decision<Sentiment> d = ANALYZER.analyze(huge, "de");
        assertEquals(Polarity.NEGATIVE, d.value().polarity());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("read the first 4000")), d.reasons().toString());
    }

    @Test
    void badLexiconLineNamesSourceAndLine() {
        String text = "[polarity]\ngood 1\nbad minus-two\n";
        LexiconFormatException e = assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.parse(new StringReader(text), "team.lex"));
        assertEquals("team.lex", e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("team.lex:3: "), e.getMessage());
    }

    @Test
    void lexiconRejectsOutOfRangeWeightsUnknownSectionsAndBadWildcards() {
        assertEquals(2, assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.parse(new StringReader("[polarity]\nawful -9\n"), "x")).line());
        assertEquals(1, assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.parse(new StringReader("[moods]\n"), "x")).line());
        assertEquals(1, assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.parse(new StringReader("good 1\n"), "x")).line());
        assertEquals(2, assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.parse(new StringReader("[polarity]\nab* -1\n"), "x")).line());
    }

    @Test
    void teamsCanExtendALanguageFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.lex");
        Files.writeString(file, "# our product slang\n[polarity]\nbricked -2.5\n[urgency]\ngo-live 0.7\n");
        LexiconSentimentAnalyzer a = LexiconSentimentAnalyzer.builder().extend("en", SentimentLexicon.load(file)).build();
        Sentiment s = a.analyze("My router is bricked before our go-live", "en").value();
        assertEquals(Polarity.NEGATIVE, s.polarity());
        assertTrue(s.urgency() >= 0.7, s.toString());
        assertFalse(hasCue(ANALYZER.analyze("My router is bricked", "en").value(), "negative"));
    }

    @Test
    void missingLexiconFileIsATypedError(@TempDir Path dir) {
        LexiconFormatException e = assertThrows(LexiconFormatException.class,
                () -> SentimentLexicon.load(dir.resolve("nope.lex")));
        assertTrue(e.getMessage().contains("nope.lex"));
    }

    @Test
    void prefixEntriesMatchInflections() {
        Sentiment s = sentiment("Wir sind enttäuschend behandelt worden", "de");
        assertEquals(Polarity.NEGATIVE, s.polarity());
        assertTrue(s.cues().contains("negative: 'enttäuschend'"), s.cues().toString());
    }
}
