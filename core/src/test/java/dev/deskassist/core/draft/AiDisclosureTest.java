package dev.deskassist.core.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiDisclosureTest {

    private static final AiDisclosure DEFAULTS = AiDisclosure.defaults();

    @Test
    void everyShippedLanguageHasBothWordings() {
        assertEquals(Set.of("de", "en", "es", "fr", "it", "nl", "pl", "pt"), DEFAULTS.languages());
        for (String lang : DEFAULTS.languages()) {
            String reviewed = DEFAULTS.reviewed(lang);
            String unreviewed = DEFAULTS.unreviewed(lang);
            assertFalse(reviewed.isBlank(), lang);
            assertFalse(unreviewed.isBlank(), lang);
            assertNotEquals(reviewed, unreviewed, lang);
            assertFalse(unreviewed.contains(reviewed) || reviewed.contains(unreviewed), lang);
            if (!"en".equals(lang)) {
                assertNotEquals(DEFAULTS.unreviewed("en"), unreviewed, lang + " is translated");
            }
        }
        assertEquals("This reply was written automatically with the help of AI and has not been reviewed by a person.",
                DEFAULTS.unreviewed("en"));
        assertEquals("This reply was drafted with the help of AI and reviewed by our support team.",
                DEFAULTS.reviewed("EN"));
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertEquals(DEFAULTS.reviewed("en"), DEFAULTS.reviewed("sv"));
        assertEquals(DEFAULTS.unreviewed("en"), DEFAULTS.unreviewed(null));
    }

    @Test
    void stripRemovesBothWordingsOfEveryLanguage() {
        for (String lang : DEFAULTS.languages()) {
            String body = "Hallo\n\n" + DEFAULTS.reviewed(lang) + "\n" + DEFAULTS.unreviewed(lang);
            assertEquals("Hallo", DEFAULTS.strip(body), lang);
        }
    }

    @Test
    void asUnreviewedSwapsTheReviewedLineForTheUnreviewedOneExactlyOnce() {
        for (String lang : DEFAULTS.languages()) {
            String reviewed = DEFAULTS.reviewed(lang);
            Draft draft = new Draft(lang, "Body.\n\n" + reviewed, reviewed, List.of(), List.of(), false, List.of(),
                    0.9, List.of(), "test");
            Draft sent = DEFAULTS.asUnreviewed(draft);
            assertEquals("Body.", sent.body(), lang);
            assertEquals(DEFAULTS.unreviewed(lang), sent.disclosure(), lang);
            assertEquals("Body.\n\n" + DEFAULTS.unreviewed(lang), sent.fullText(), lang);
        }
    }

    @Test
    void asUnreviewedRemovesACustomReviewedLineItDoesNotKnow() {
        String custom = "Checked by the Nordwind team, drafted with AI.";
        Draft draft = new Draft("en", "Body.\n\n" + custom, custom, List.of(), List.of(), false, List.of(), 0.9,
                List.of(), "test");
        Draft sent = DEFAULTS.asUnreviewed(draft);
        assertFalse(sent.fullText().contains(custom), sent.fullText());
        assertTrue(sent.fullText().endsWith(DEFAULTS.unreviewed("en")), sent.fullText());
    }

    @Test
    void wordingsAreConfigurablePerLanguage() {
        AiDisclosure custom = DEFAULTS.withReviewed(Map.of("DE", "Geprüft.")).withUnreviewed(Map.of("sv", "Ej granskad."));
        assertEquals("Geprüft.", custom.reviewed("de"));
        assertEquals(DEFAULTS.unreviewed("de"), custom.unreviewed("de"));
        assertEquals("Ej granskad.", custom.unreviewed("sv"));
        assertEquals(DEFAULTS.reviewed("en"), custom.reviewed("sv"), "sv has no reviewed wording: English");
        assertEquals("x", custom.strip("x Geprüft. Ej granskad."));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withUnreviewed(Map.of("en", " ")));
    }
}
