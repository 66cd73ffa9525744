package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand. */
class RougeTest {

    private static final double EPS = 1e-9;

    @Test
    void tokenizer() {
        assertEquals(List.of("don", "t", "stop", "now", "2024"), Rouge.tokens("Don't-stop, NOW! 2024"));
        assertEquals(List.of("grüße", "straße"), Rouge.tokens("Grüße/Straße"));
    }

    @Test
    void catOnTheMat() {
        String c = "the cat sat on the mat";
        String r = "the cat is on the mat";
        // unigrams: the x2, cat, on, mat overlap = 5 of 6 on each side
        assertEquals(5.0 / 6, Rouge.rougeN(c, r, 1).f1(), EPS);
        // bigrams: "the cat", "on the", "the mat" = 3 of 5 on each side
        assertEquals(3.0 / 5, Rouge.rougeN(c, r, 2).f1(), EPS);
        // LCS: the cat on the mat = 5
        assertEquals(5.0 / 6, Rouge.rougeL(c, r).f1(), EPS);
    }

    @Test
    void countsAreClippedAndPrecisionRecallDiffer() {
        Rouge.Score s = Rouge.rougeN("the the the", "the cat", 1);
        assertEquals(1.0 / 3, s.precision(), EPS);
        assertEquals(1.0 / 2, s.recall(), EPS);
        assertEquals(0.4, s.f1(), EPS);
        // LCS respects order: "b a" vs "a b" share a subsequence of length 1
        assertEquals(0.5, Rouge.rougeL("b a", "a b").f1(), EPS);
    }

    @Test
    void emptyTextScoresZero() {
        assertEquals(0.0, Rouge.rougeN("", "a b", 1).f1());
        assertEquals(0.0, Rouge.rougeL("a b", "").f1());
    }

    @Test
    void customerTurnsAreToldByTheBrandHandle() {
        EvaluateSummariesCommand.Dialogue d = EvaluateSummariesCommand.dialogue("x", List.of(
                "AcmeHelp my phone broke", "Hi, sorry to hear that.", "Please DM us.", "AcmeHelp still broken"),
                List.of("ref"));
        assertEquals(List.of(true, false, false, true), d.customer());
        assertEquals("my phone broke", d.turns().get(0));
        assertEquals(true, d.rolesByHandle());

        EvaluateSummariesCommand.Dialogue noHandle = EvaluateSummariesCommand.dialogue("y", List.of(
                "my phone broke", "Hi, what model?", "the new one", "Hi, please DM us"), List.of("ref"));
        assertEquals(List.of(true, false, true, false), noHandle.customer());
        assertEquals(false, noHandle.rolesByHandle());
    }
}
