package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final List<HeldOutPrediction> predictions = List.of(
            new HeldOutPrediction("a", "a", 0.9),
            new HeldOutPrediction("a", "a", 0.8),
            new HeldOutPrediction("a", "b", 0.4),
            new HeldOutPrediction("b", "b", 0.95),
            new HeldOutPrediction("b", "a", 0.3),
            new HeldOutPrediction("c", "b", 0.6));

    @Test
    void computesAccuracyMacroF1AndAbstention() {
        Evaluation e = Evaluation.of(predictions, 0.5);
        assertEquals(6, e.n());
        assertEquals(3 / 6.0, e.accuracy(), 1e-12);
        // a: p=2/3 r=2/3 f=2/3; b: p=1/3 r=1/2 f=0.4; c: 0
        assertEquals((2 / 3.0 + 0.4 + 0) / 3, e.macroF1(), 1e-12);
        assertEquals(2 / 6.0, e.abstainRate(), 1e-12);
        assertEquals(3 / 4.0, e.accuracyOnAnswered(), 1e-12);
        assertEquals(new Evaluation.ClassScore("c", 0, 0, 0, 1), e.perClass().get("c"));
        assertEquals(List.of(new Evaluation.Confusion("a", "b", 1), new Evaluation.Confusion("b", "a", 1)),
                e.topConfusions(2));
    }

    @Test
    void picksThresholdsForAPrecisionOrAnAbstainRate() {
        // sorted: .95 ok, .9 ok, .8 ok, .6 wrong, .4 wrong, .3 wrong
        assertEquals(0.8, AbstainThresholds.forPrecision(predictions, 1.0), 1e-12);
        assertEquals(0.6, AbstainThresholds.forPrecision(predictions, 0.75), 1e-12);
        assertEquals(0.0, AbstainThresholds.forPrecision(predictions, 0.5), 1e-12);
        assertEquals(0.8, AbstainThresholds.forAbstainRate(predictions, 0.5), 1e-12);
        assertEquals(0.0, AbstainThresholds.forAbstainRate(predictions, 0), 1e-12);
    }
}
