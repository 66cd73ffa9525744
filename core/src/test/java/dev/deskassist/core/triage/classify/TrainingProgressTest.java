package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IntentTrainer} tells its {@link TrainingProgress} every step, up to a fixed total. */
class TrainingProgressTest {

    @Test
    void everyStepIsReportedInOrderUpToTheTotal() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new Example("refund my invoice number " + i, "billing"));
            examples.add(new Example("cannot log in to my account " + i, "access"));
        }
        TrainerConfig config = TrainerConfig.defaults().toBuilder().epochs(3).calibrationFolds(2).build();
        List<int[]> calls = new ArrayList<>();
        new IntentTrainer(config).train(TrainingData.of("test", examples), (done, total) -> calls.add(new int[] {done, total}));
        // featurizing, then per epoch: 2 folds x 2 default L2 candidates, and the final fit
        int total = 1 + (2 * 2 + 1) * 3;
        assertEquals(total, calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i + 1, calls.get(i)[0]);
            assertEquals(total, calls.get(i)[1]);
        }
        assertTrue(calls.get(calls.size() - 1)[0] == total);
    }
}
