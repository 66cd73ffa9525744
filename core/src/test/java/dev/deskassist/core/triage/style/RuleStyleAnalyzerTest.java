package dev.deskassist.core.triage.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.StyleProfile.Address;
import dev.deskassist.core.triage.StyleProfile.Expertise;
import dev.deskassist.core.triage.StyleProfile.Formality;
import dev.deskassist.core.triage.StyleProfile.Length;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleStyleAnalyzerTest {

    private static final RuleStyleAnalyzer ANALYZER = new RuleStyleAnalyzer();

    private static StyleProfile profile(String text, String lang) {
        Decision<StyleProfile> d = ANALYZER.analyze(text, lang);
        assertTrue(d.hasValue());
        return d.value();
    }

    @Test
    void germanSieIsFormal() {
        Decision<StyleProfile> d = ANALYZER.analyze(
                "Sehr geehrte Damen und Herren, könnten Sie mir bitte die Rechnung schicken? Mit freundlichen Grüßen",
                "de");
        assertEquals(Address.FORMAL, d.value().address());
        assertEquals(Formality.FORMAL, d.value().formality());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("address formal: 'Sie'")), d.reasons().toString());
    }

    @Test
    void germanDuIsInformal() {
        StyleProfile p = profile("Hey, kannst du mir sagen, wo mein Paket ist? Danke dir!", "de");
        assertEquals(Address.INFORMAL, p.address());
        assertEquals(Formality.INFORMAL, p.formality());
    }

    @Test
    void lowerCaseSieOrSieAtSentenceStartIsNotAddress() {
        assertEquals(Address.UNKNOWN, profile("Meine Frau hat bestellt, aber sie hat nichts bekommen.", "de").address());
        assertEquals(Address.UNKNOWN, profile("Sie haben das Paket nicht geliefert.", "de").address());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr|Pourriez-vous vérifier ma commande ?|FORMAL",
            "fr|Tu peux vérifier ma commande stp ?|INFORMAL",
            "es|¿Podría usted revisar mi pedido?|FORMAL",
            "es|¿Puedes revisar mi pedido?|INFORMAL",
            "nl|Kunt u mijn bestelling controleren?|FORMAL",
            "nl|Kun jij mijn bestelling controleren?|INFORMAL",
            "pt|O senhor pode verificar o meu pedido?|FORMAL",
            "pt|Tu podes verificar o teu pedido?|INFORMAL",
            "pl|Czy Pani może sprawdzić moje zamówienie?|FORMAL",
            "pl|Możesz sprawdzić moje zamówienie?|INFORMAL",
            "it|Potrebbe controllare il Suo ordine? La ringrazio.|FORMAL",
            "it|Puoi controllare il tuo ordine?|INFORMAL"})
    void formOfAddressInEachLanguage(String lang, String text, Address expected) {
        assertEquals(expected, profile(text, lang).address());
    }

    @Test
    void englishHasNoFormOfAddressButAGreetingRegister() {
        StyleProfile p = profile("Dear Sir or Madam, I would appreciate a copy of the invoice. Kind regards", "en");
        assertEquals(Address.UNKNOWN, p.address());
        assertEquals(Formality.FORMAL, p.formality());
        assertEquals(Formality.INFORMAL, profile("hey guys, gonna need that invoice lol 😅", "en").formality());
    }

    @Test
    void stackTracesAndErrorCodesMakeAnExpert() {
        Decision<StyleProfile> d = ANALYZER.analyze("""
                The webhook endpoint returns HTTP 502 since the deploy.
                java.lang.IllegalStateException: pool closed
                    at com.acme.pay.Client.send(Client.java:88)
                """, "en");
        assertEquals(Expertise.EXPERT, d.value().expertise());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("Client.java:88")), d.reasons().toString());
    }

    @Test
    void apiTermsAloneAlsoMakeAnExpert() {
        assertEquals(Expertise.EXPERT, profile("Der OAuth Token läuft ab, die API antwortet mit JSON ohne Header.", "de")
                .expertise());
    }

    @Test
    void helplessPhrasesMakeABeginner() {
        assertEquals(Expertise.BEGINNER,
                profile("I'm not good with computers. It says 'DNS error', what does that mean?", "en").expertise());
        assertEquals(Expertise.BEGINNER, profile("Ich habe keine Ahnung, was ich da machen soll.", "de").expertise());
        assertEquals(Expertise.UNKNOWN, profile("Wo ist mein Paket?", "de").expertise());
    }

    @Test
    void lengthThresholdIsEightyWords() {
        assertEquals(Length.SHORT, profile("word ".repeat(79), "en").length());
        assertEquals(Length.LONG, profile("word ".repeat(80), "en").length());
    }

    @Test
    void noCueMeansUnknownWithLowConfidence() {
        Decision<StyleProfile> d = ANALYZER.analyze("Paket 12345", "de");
        assertEquals(new StyleProfile(Formality.UNKNOWN, Address.UNKNOWN, Expertise.UNKNOWN, Length.SHORT), d.value());
        assertEquals(0.4, d.confidence(), 1e-9);
    }

    @Test
    void emptyTextHasNoValueAndHugeTextIsBounded() {
        assertNull(ANALYZER.analyze("  ", "de").value());
        StyleProfile p = profile("Könnten Sie mir bitte helfen? ".repeat(40_000), "de");
        assertEquals(Address.FORMAL, p.address());
        assertEquals(Length.LONG, p.length());
    }

    @Test
    void unknownLanguageStillReadsLanguageIndependentCues() {
        Decision<StyleProfile> d = ANALYZER.analyze("Paketet kom inte 😡😡 ERR_CONNECTION_RESET HTTP 503", "sv");
        assertEquals(Expertise.EXPERT, d.value().expertise());
        assertEquals(Formality.INFORMAL, d.value().formality());
        assertTrue(d.reasons().get(0).contains("'sv'"));
    }
}
