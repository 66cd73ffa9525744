package dev.deskassist.core.summary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CueSetTest {

    private static boolean m(CueSet c, String text) {
        return c.matches(Sentence.words(text));
    }

    @Test
    void phrasesMatchWholeWordsIgnoringCaseAndApostrophes() {
        CueSet c = CueSet.of("didnt help|i would like");
        assertTrue(m(c, "That DIDN'T help at all"));
        assertTrue(m(c, "I would like a refund"));
        assertFalse(m(c, "I would not like it"));
        assertFalse(m(c, "helpful"));
    }

    @Test
    void prefixAnchorAndNear() {
        assertTrue(m(CueSet.of("reinstall*"), "I reinstalled it"));
        assertTrue(m(CueSet.of("^try"), "Try restarting"));
        assertFalse(m(CueSet.of("^try"), "I will try that"));
        CueSet near = CueSet.of("please|kindly ... send|share");
        assertTrue(m(near, "Kindly could you share the order number"));
        assertFalse(m(near, "Please note that we never, ever, in any case at all, would send it"));
    }

    @Test
    void umlautsAreWordCharacters() {
        assertTrue(m(CueSet.of("rückerstattung"), "Ich will eine Rückerstattung!"));
        assertTrue(m(CueSet.of("kündig*"), "Ich kündige hiermit"));
    }

    @Test
    void emptyPhraseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CueSet.of("  "));
    }
}
