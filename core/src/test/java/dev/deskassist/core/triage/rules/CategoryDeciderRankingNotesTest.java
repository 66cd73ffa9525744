package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.IntentModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tiered model's notes (which tier decided, why it fell back) reach the category's reasons. */
class CategoryDeciderRankingNotesTest {

    @Test
    void notesOfTheRankingFollowTheModelLine() {
        Taxonomy taxonomy = Taxonomy.parse(TaxonomyTest.JSON, "t.json");
        List<IntentModel.ScoredLabel> labels = List.of(new IntentModel.ScoredLabel("delivery", 0.8),
                new IntentModel.ScoredLabel("billing", 0.2));
        IntentModel tiered = new IntentModel() {
            @Override
            public List<ScoredLabel> predict(String text) {
                return labels;
            }

            @Override
            public Ranking rank(String text) {
                return new Ranking(labels, List.of("n-gram tier only: language de"));
            }

            @Override
            public Set<String> labels() {
                return Set.of("billing", "delivery");
            }

            @Override
            public String version() {
                return "tiered-1";
            }
        };
        CategoryDecider d = CategoryDecider.builder(taxonomy).model(tiered).build();
        Decision<String> c = d.decide("Where is my stuff?", FoldedText.of("Where is my stuff?"), "en");
        assertEquals("delivery", c.value());
        assertEquals(List.of("decided by model tiered-1", "model: delivery 0.80, next billing 0.20",
                "n-gram tier only: language de"), c.reasons());
    }
}
