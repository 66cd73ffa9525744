package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.triage.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private final EscalationPolicy policy = EscalationPolicy.defaults();
    private final Decision<String> category = Decision.of("billing", 0.9, "model");
    private final PriorityAssessment calm = new PriorityAssessment(Decision.of(Priority.NORMAL, 0.5, "p"), List.of(), List.of());

    private Decision<Boolean> decide(String text, String lang) {
        return policy.decide(FoldedText.of(text), lang, category, null, calm);
    }

    @Test
    void noTriggerNoEscalation() {
        Decision<Boolean> d = decide("Wo ist meine Rechnung?", "de");
        assertFalse(d.value());
        assertEquals(List.of("no escalation trigger"), d.reasons());
    }

    @Test
    void customerAsksForAPerson() {
        for (String[] c : new String[][] {
            {"de", "Ich will endlich mit einem echten Menschen reden!"},
            {"de", "Geben Sie mir Ihren Vorgesetzten."},
            {"de", "Ich möchte einen Mitarbeiter sprechen"},
            {"en", "I want to speak to a human"},
            {"en", "Let me talk to a manager now"},
            {"fr", "Rappelez-moi s'il vous plaît"},
        }) {
            Decision<Boolean> d = decide(c[1], c[0]);
            assertTrue(d.value(), c[1]);
            assertTrue(d.reasons().get(0).startsWith("customer asks for a person"), d.reasons().toString());
        }
    }

    @Test
    void eachTriggerIsListed() {
        Decision<Sentiment> upset = Decision.of(new Sentiment(Sentiment.Polarity.NEGATIVE, -0.9, 0.8, 0.5, List.of()), 0.9, "s");
        PriorityAssessment legal = new PriorityAssessment(Decision.of(Priority.HIGH, 0.8, "p"), List.of("cue:legal"),
                List.of("legal"));
        Decision<Boolean> d = policy.decide(FoldedText.of("I want to speak to a human"), "en",
                Decision.none("model", "abstained"), upset, legal);
        assertTrue(d.value());
        assertEquals(4, d.reasons().size(), d.reasons().toString());
        assertEquals("category uncertain: needs human triage", d.reasons().get(0));
        assertEquals("cue legal fired", d.reasons().get(2));
        assertEquals(0.97, d.confidence(), 1e-9);
    }

    @Test
    void triggersCanBeSwitchedOff() {
        EscalationPolicy quiet = EscalationPolicy.builder().escalateOnAbstain(false).escalateWhenUpset(false)
                .escalateOnCues(false).build();
        Decision<Sentiment> upset = Decision.of(new Sentiment(Sentiment.Polarity.NEGATIVE, -0.9, 0.8, 0.5, List.of()), 0.9, "s");
        PriorityAssessment legal = new PriorityAssessment(Decision.of(Priority.HIGH, 0.8, "p"), List.of(), List.of("legal"));
        assertFalse(quiet.decide(FoldedText.of("I want to speak to a human"), "en", Decision.none("m", "x"), upset, legal).value());
    }
}
