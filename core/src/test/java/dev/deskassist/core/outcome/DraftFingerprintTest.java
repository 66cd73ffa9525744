package dev.deskassist.core.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DraftFingerprintTest {

    private static final String DRAFT = "Hello, thank you for your message. We refunded the double charge of your "
            + "last invoice today; the money is back on your card within three to five business days. If it is not, "
            + "reply to this message and we will look into it again.";

    @Test
    void sameTextIsOneAndPunctuationOrCaseDoNotMatter() {
        DraftFingerprint a = DraftFingerprint.of(DRAFT);
        assertEquals(1.0, a.similarity(DraftFingerprint.of(DRAFT.toUpperCase().replace(",", " ; "))), 1e-9);
    }

    @Test
    void lightEditsScoreHighUnrelatedTextScoresLow() {
        DraftFingerprint draft = DraftFingerprint.of(DRAFT);
        String edited = DRAFT.replace("Hello,", "Hi Anna,").replace("three to five", "two to four");
        String unrelated = "Please restart the router and send us a photo of the lights on its front so that we "
                + "can see which of them blink; our technician calls you tomorrow morning to arrange a visit.";
        double e = draft.similarity(DraftFingerprint.of(edited));
        double u = draft.similarity(DraftFingerprint.of(unrelated));
        assertTrue(e > 0.5, "edited " + e);
        assertTrue(u < 0.15, "unrelated " + u);
    }

    @Test
    void encodedRoundTripsAndHoldsNoWordOfTheText() {
        DraftFingerprint a = DraftFingerprint.of(DRAFT);
        String enc = a.encoded();
        assertTrue(enc.matches("m1:[0-9a-f]{256}"), enc);
        assertEquals(a, DraftFingerprint.parse(enc).orElseThrow());
        assertFalse(enc.contains("refund"));
        assertTrue(DraftFingerprint.parse("m1:zz").isEmpty());
        assertTrue(DraftFingerprint.parse(null).isEmpty());
        assertEquals(0.0, DraftFingerprint.of("").similarity(a));
        assertEquals(0.0, DraftFingerprint.parse(DraftFingerprint.of("  ").encoded()).orElseThrow().similarity(a));
    }
}
