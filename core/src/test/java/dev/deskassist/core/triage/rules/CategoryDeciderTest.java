package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.IntentModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoryDeciderTest {

    private final Taxonomy taxonomy = Taxonomy.parse(TaxonomyTest.JSON, "t.json");

    /** A fixed-output stand-in for the trainable classifier, which another part of the project provides. */
    private static IntentModel model(Object... labelsAndProbabilities) {
        List<IntentModel.ScoredLabel> out = new java.util.ArrayList<>();
        for (int i = 0; i < labelsAndProbabilities.length; i += 2) {
            out.add(new IntentModel.ScoredLabel((String) labelsAndProbabilities[i], (Double) labelsAndProbabilities[i + 1]));
        }
        return new IntentModel() {
            @Override
            public List<ScoredLabel> predict(String text) {
                return out;
            }

            @Override
            public Set<String> labels() {
                return Set.of("billing", "cancellation", "delivery");
            }

            @Override
            public String version() {
                return "stub-1";
            }
        };
    }

    private Decision<String> decide(CategoryDecider d, String text, String lang) {
        return d.decide(text, FoldedText.of(text), lang);
    }

    @Test
    void forcingRuleWinsOverTheModel() {
        CategoryDecider d = CategoryDecider.builder(taxonomy).model(model("billing", 0.9, "delivery", 0.06, "cancellation", 0.04))
                .build();
        Decision<String> c = decide(d, "Hiermit reiche ich meine Kündigung ein, die Rechnung ist auch falsch", "de");
        assertEquals("cancellation", c.value());
        assertEquals("rule", c.decidedBy());
        assertEquals(0.95, c.confidence());
        assertEquals("decided by rule cancellation#1: forces cancellation (keyword 'kündigung')", c.reasons().get(0));
    }

    @Test
    void modelAloneWhenNoRuleFires() {
        CategoryDecider d = CategoryDecider.builder(taxonomy).model(model("delivery", 0.8, "billing", 0.15, "cancellation", 0.05))
                .build();
        Decision<String> c = decide(d, "Where is my stuff?", "en");
        assertEquals("delivery", c.value());
        assertEquals("model", c.decidedBy());
        assertEquals(0.8, c.confidence(), 1e-9);
        assertEquals("decided by model stub-1", c.reasons().get(0));
    }

    @Test
    void boostReweightsTheModelAndCanChangeItsChoice() {
        CategoryDecider d = CategoryDecider.builder(taxonomy).model(model("delivery", 0.5, "billing", 0.4, "cancellation", 0.1))
                .build();
        Decision<String> c = decide(d, "Die Abbuchung ist doppelt", "de");
        // billing odds x e: 0.4e / (0.5 + 0.4e + 0.1) = 0.644
        assertEquals("billing", c.value());
        assertEquals("model+rules", c.decidedBy());
        assertEquals(0.4 * Math.E / (0.6 + 0.4 * Math.E), c.confidence(), 1e-9);
        assertTrue(c.reasons().get(0).contains("rules changed the model's choice"), c.reasons().toString());
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("rule billing#1 boosts billing ×2.72")), c.reasons().toString());
    }

    @Test
    void abstainsBelowThreshold() {
        CategoryDecider d = CategoryDecider.builder(taxonomy).model(model("billing", 0.41, "delivery", 0.35, "cancellation", 0.24))
                .abstainThreshold(0.55).build();
        Decision<String> c = decide(d, "Hallo, ich habe eine Frage", "de");
        assertFalse(c.hasValue());
        assertEquals("needs human triage (top: billing 0.41 < 0.55)", c.reasons().get(0));
        assertEquals("model", c.decidedBy());
    }

    @Test
    void rulesOnlyWithoutModel() {
        CategoryDecider d = CategoryDecider.builder(taxonomy).build();
        Decision<String> c = decide(d, "Please cancel my subscription today", "en");
        assertEquals("cancellation", c.value());
        assertEquals("rules", c.decidedBy());
        assertEquals(1 - Math.exp(-2), c.confidence(), 1e-9);
        assertEquals("decided by rules (no model)", c.reasons().get(0));

        Decision<String> weak = decide(d, "Wo ist mein Paket?", "de");
        assertNull(weak.value(), "one boost of 0.7 gives 0.50 < 0.55");
        assertEquals("needs human triage (top: delivery 0.50 < 0.55)", weak.reasons().get(0));

        Taxonomy even = Taxonomy.parse("""
                {"categories": [{"id": "a", "group": "A", "rules": [{"keywords": ["rechnung"]}]},
                                {"id": "b", "group": "B", "rules": [{"keywords": ["paket"]}]}]}
                """, "even.json");
        Decision<String> tie = decide(CategoryDecider.builder(even).build(), "Die Rechnung für das Paket", "de");
        assertNull(tie.value());
        assertEquals("needs human triage (rules tie between a, b)", tie.reasons().get(0));

        Decision<String> nothing = decide(d, "Hallo zusammen", "de");
        assertEquals("needs human triage (no model and no rule matched)", nothing.reasons().get(0));
        assertEquals("needs human triage (no words to classify)", decide(d, "🙂 !!", "de").reasons().get(0));
    }

    @Test
    void routesToCategoryGroupOrFallback() {
        Router router = new Router(taxonomy);
        Decision<String> g = router.route(Decision.of("billing", 0.8, "model"));
        assertEquals("Billing", g.value());
        assertEquals(0.8, g.confidence());
        assertEquals("category billing routes to Billing", g.reasons().get(0));
        assertEquals("Triage", router.route(Decision.none("model", "abstained")).value());
        assertEquals("First level", new Router(taxonomy, "First level").route(Decision.of("unknown-cat", 0.9, "model")).value());
    }
}
