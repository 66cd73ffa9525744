package dev.deskassist.core.triage.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NgramLanguageDetectorTest {

    private static final NgramLanguageDetector DETECTOR = new NgramLanguageDetector();

    /** Short support sentences written for this test; none of them is in the profile corpora. */
    @ParameterizedTest
    @ValueSource(strings = {
            "de|Wo ist mein Paket?",
            "de|Warum dauert das so lange?",
            "de|Ich habe mein Passwort vergessen.",
            "de|Die Lieferung kam beschädigt an.",
            "de|Können Sie mir die Rechnung noch einmal schicken?",
            "de|Das Konto wurde gesperrt.",
            "de|Danke für die schnelle Hilfe!",
            "de|Geht das auch ohne Kreditkarte?",
            "en|My card doesn't work",
            "en|Where is my refund?",
            "en|I was charged twice this month.",
            "en|Please cancel my order.",
            "en|The app keeps crashing on startup.",
            "en|How do I change my email address?",
            "en|Nobody answered my last message.",
            "en|Thanks, that fixed it!",
            "fr|Je n'arrive pas à me connecter",
            "fr|Où en est ma commande ?",
            "fr|J'ai été débité deux fois.",
            "fr|Mon colis n'est jamais arrivé.",
            "fr|Merci pour votre aide !",
            "fr|Comment changer mon mot de passe ?",
            "fr|Le site ne charge plus depuis hier.",
            "fr|Je veux annuler ma commande.",
            "es|¿Dónde está mi pedido?",
            "es|No puedo entrar en mi cuenta.",
            "es|Me han cobrado dos veces.",
            "es|Quiero devolver el producto.",
            "es|Gracias por la ayuda.",
            "es|La aplicación se cierra sola.",
            "es|¿Cuándo llega mi paquete?",
            "es|Necesito hablar con alguien ya.",
            "it|Dov'è il mio ordine?",
            "it|Non riesco a fare il login.",
            "it|Mi avete addebitato due volte.",
            "it|Voglio restituire il prodotto.",
            "it|Grazie per l'aiuto.",
            "it|L'app si chiude da sola.",
            "it|Quando arriva il mio pacco?",
            "it|Ho bisogno di parlare con qualcuno.",
            "nl|Waar blijft mijn bestelling?",
            "nl|Ik kan niet inloggen.",
            "nl|Er is twee keer geld afgeschreven.",
            "nl|Ik wil het product terugsturen.",
            "nl|Bedankt voor de hulp.",
            "nl|De app sluit steeds af.",
            "nl|Wanneer komt mijn pakket?",
            "nl|Ik wil iemand spreken.",
            "pt|Onde está o meu pedido?",
            "pt|Não consigo fazer login.",
            "pt|Fui cobrado duas vezes.",
            "pt|Quero devolver o produto.",
            "pt|Obrigado pela ajuda.",
            "pt|O aplicativo fecha sozinho.",
            "pt|Quando chega a minha encomenda?",
            "pt|Preciso falar com alguém agora.",
            "pl|Gdzie jest moja paczka?",
            "pl|Nie mogę się zalogować.",
            "pl|Pobrano opłatę dwa razy.",
            "pl|Chcę zwrócić produkt.",
            "pl|Dziękuję za pomoc.",
            "pl|Aplikacja sama się zamyka.",
            "pl|Kiedy przyjdzie moje zamówienie?",
            "pl|Chcę porozmawiać z konsultantem."
    })
    void detectsOneShortSentence(String row) {
        String[] p = row.split("\\|", 2);
        Decision<String> d = DETECTOR.detect(p[1]);
        assertEquals(p[0], d.value(), () -> p[1] + " -> " + d.reasons());
        assertTrue(d.confidence() >= 0.5 && d.confidence() <= 1.0);
        assertTrue(d.reasons().get(0).contains("runner-up"), d.reasons().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Где моя посылка? Я жду уже неделю.", "私の荷物はどこですか？", "我的包裹在哪里？",
            "أين طردي؟", "Πού είναι το δέμα μου;"})
    void refusesUnsupportedScripts(String text) {
        Decision<String> d = DETECTOR.detect(text);
        assertNull(d.value());
        assertTrue(d.reasons().get(0).startsWith("script "), d.reasons().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Var är mitt paket? Jag har väntat länge.", "Missä minun pakettini on? Olen odottanut kauan.",
            "Paketim nerede? Uzun zamandır bekliyorum.", "asdkjh qwpoeiru zxmnbv"})
    void refusesLatinTextInNoSupportedLanguage(String text) {
        Decision<String> d = DETECTOR.detect(text);
        assertNull(d.value(), () -> d.reasons().toString());
        assertFalse(d.reasons().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "😡😡😡", "12345 !!! ???", "👍", "ok", "+49 30 1234567"})
    void refusesTextWithoutEnoughLetters(String text) {
        Decision<String> d = DETECTOR.detect(text);
        assertNull(d.value());
        assertEquals(0.0, d.confidence());
        assertEquals(1, d.reasons().size());
    }

    @Test
    void refusesNull() {
        assertNull(DETECTOR.detect(null).value());
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] bytes = new byte[400];
        new Random(7).nextBytes(bytes);
        String garbage = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        Decision<String> d = DETECTOR.detect(garbage);
        assertNull(d.value(), () -> d.reasons().toString());
    }

    @Test
    void readsOnlyABoundedPrefixOfAHugeText() {
        String sentence = "Ich warte seit zwei Wochen auf meine Bestellung und niemand antwortet mir. ";
        String huge = sentence.repeat(1_000_000 / sentence.length() + 1);
        Decision<String> d = DETECTOR.detect(huge);
        assertEquals("de", d.value());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("analysed the first 300 of")), d.reasons().toString());
    }

    @Test
    void mixedTextGoesToTheDominantLanguage() {
        Decision<String> d = DETECTOR.detect(
                "Hallo, meine Bestellung ist immer noch nicht da und ich warte schon lange. Sent from my iPhone");
        assertEquals("de", d.value());
    }

    @Test
    void isDeterministic() {
        String text = "Mi avete addebitato due volte il canone mensile.";
        assertEquals(DETECTOR.detect(text), DETECTOR.detect(text));
        assertEquals(DETECTOR.detect(text), new NgramLanguageDetector().detect(text));
    }

    @Test
    void namesTheDecidingCues() {
        Decision<String> d = DETECTOR.detect("Dziękuję za szybką odpowiedź");
        assertEquals("pl", d.value());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("letters")), d.reasons().toString());
    }

    @Test
    void builderRestrictsTheCandidates() {
        NgramLanguageDetector deEn = NgramLanguageDetector.builder().languages("de", "EN").build();
        assertEquals(java.util.List.of("de", "en"), deEn.languages());
        Decision<String> d = deEn.detect("Ik kan niet inloggen op mijn account");
        assertTrue(d.value() == null || d.value().equals("de") || d.value().equals("en"));
        assertEquals("en", deEn.detect("Where is my parcel?").value());
    }

    @Test
    void builderRejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> NgramLanguageDetector.builder().languages("ja"));
        assertThrows(IllegalArgumentException.class, () -> NgramLanguageDetector.builder().maxChars(3));
        assertThrows(IllegalArgumentException.class, () -> NgramLanguageDetector.builder().minConfidence(1.5));
    }

    @Test
    void aHighConfidenceThresholdTurnsCloseCallsIntoNoAnswer() {
        NgramLanguageDetector strict = NgramLanguageDetector.builder().minConfidence(0.999).build();
        Decision<String> d = strict.detect("De app sluit steeds af.");
        assertNull(d.value());
        assertTrue(d.reasons().get(0).startsWith("too close to call"), d.reasons().toString());
    }
}
