package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.IntentModel.ScoredLabel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the trainer does when labels are noisy or texts unlike the training data: the abstain
 * threshold keeps answering, unknown words make the model unsure, and the regularisation and prior
 * weights are chosen on held-out data.
 */
class NoisyLabelsTest {

    private static TrainingData data;

    @BeforeAll
    static void read() throws URISyntaxException {
        data = TrainingDataReader.builder().labelColumn("category").build()
                .read(Path.of(NoisyLabelsTest.class.getResource("tickets.csv").toURI()));
    }

    /** The sample with 60 % of the labels replaced by a random one (seeded). */
    private static TrainingData noisy() {
        List<String> labels = new ArrayList<>(data.labels());
        Random random = new Random(3);
        List<Example> out = new ArrayList<>();
        for (Example e : data.examples()) {
            out.add(random.nextDouble() < 0.6 ? new Example(e.text(), labels.get(random.nextInt(labels.size()))) : e);
        }
        Collections.shuffle(out, random);
        return TrainingData.of("noisy", out);
    }

    @Test
    void abstainThresholdStillAnswersHalfWhenThePrecisionTargetIsOutOfReach() {
        TrainerConfig uncapped = TrainerConfig.builder().maxAbstainRate(1).build();
        TrainingResult free = new IntentTrainer(uncapped).train(noisy());
        TrainingResult capped = new IntentTrainer(TrainerConfig.defaults()).train(noisy());
        assertTrue(free.heldOutEvaluation().abstainRate() > 0.6,
                "without the cap it abstains on " + free.heldOutEvaluation().abstainRate());
        assertTrue(capped.heldOutEvaluation().abstainRate() <= 0.52,
                "with the cap it abstains on " + capped.heldOutEvaluation().abstainRate());
        // same predictions, only the threshold differs
        assertEquals(free.heldOutAccuracy(), capped.heldOutAccuracy(), 1e-12);
    }

    @Test
    void unknownWordsMakeTheModelLessSureInsteadOfScalingUpTheKnownOnes() {
        LinearIntentModel model = new IntentTrainer(TrainerConfig.defaults()).train(data).model();
        ScoredLabel known = model.best("Where is my parcel?");
        ScoredLabel diluted = model.best("Where is my parcel? Dove xqzt plorvik snarfu blemwick trondulo quaxby zintor");
        assertEquals("delivery", known.label());
        assertEquals("delivery", diluted.label());
        assertTrue(diluted.probability() < known.probability(), diluted + " vs " + known);
    }

    @Test
    void heldOutProbabilitiesCoverEveryExampleAndTheL2GridIsDeterministic() {
        TrainerConfig grid = TrainerConfig.builder().l2Candidates(List.of(1e-5, 1e-2)).build();
        TrainingResult a = new IntentTrainer(grid).train(data);
        TrainingResult b = new IntentTrainer(grid).train(data);
        assertEquals(a.model().version(), b.model().version());
        assertEquals(data.size(), a.heldOutProbabilities().size());
        for (double[] p : a.heldOutProbabilities()) {
            assertEquals(data.labels().size(), p.length);
            assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
        }
        assertTrue(a.heldOutAccuracy() > 0.6, "held-out accuracy " + a.heldOutAccuracy());
    }

    @Test
    void aPriorWeightLeansATextWithoutKnownWordsToTheFrequentLabel() {
        List<Example> skewed = new ArrayList<>(data.examples());
        for (Example e : data.examples()) {
            if (e.label().equals("delivery")) {
                skewed.add(new Example(e.text() + " bitte", e.label()));
                skewed.add(new Example(e.text() + " please", e.label()));
            }
        }
        TrainingData d = TrainingData.of("skewed", skewed);
        LinearIntentModel none = new IntentTrainer(TrainerConfig.builder().priorWeight(0).build()).train(d).model();
        LinearIntentModel strong = new IntentTrainer(TrainerConfig.builder().priorWeight(2).build()).train(d).model();
        int delivery = new ArrayList<>(none.labels()).indexOf("delivery");
        // Scores before the fallback to the prior, which would give both models the same answer here.
        String unknown = "zzxq plorvik";
        double[] zNone = none.logits(unknown);
        double[] zStrong = strong.logits(unknown);
        int other = delivery == 0 ? 1 : 0;
        assertTrue(zStrong[delivery] - zStrong[other] > zNone[delivery] - zNone[other]);
        assertEquals(delivery, argmax(zStrong));
    }

    private static int argmax(double[] z) {
        int top = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[top]) {
                top = c;
            }
        }
        return top;
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().maxAbstainRate(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().l2Candidates(List.of(1e-5, -1.0)).build());
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().priorWeight(Double.NaN).build());
        TrainerConfig c = TrainerConfig.builder().l2Candidates(List.of(1e-5, 1e-3)).l2(1e-4).build();
        assertEquals(List.of(), c.l2Candidates());
        assertEquals(c, c.toBuilder().build());
    }
}
