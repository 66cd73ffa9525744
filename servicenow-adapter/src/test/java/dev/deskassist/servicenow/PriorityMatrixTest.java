package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Priority;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriorityMatrixTest {

    private final PriorityMatrix m = PriorityMatrix.standard();

    @Test
    void theStandardLookupAgreesWithTheDocsExamples() {
        // GET 1/3 gives 3, POST 2/2 gives 3, PATCH 1/1 gives 1, the developer instance's 3/3 gives 5
        assertEquals(3, m.priorityOf(new PriorityMatrix.Pair(1, 3)));
        assertEquals(3, m.priorityOf(new PriorityMatrix.Pair(2, 2)));
        assertEquals(1, m.priorityOf(new PriorityMatrix.Pair(1, 1)));
        assertEquals(5, m.priorityOf(new PriorityMatrix.Pair(3, 3)));
    }

    @Test
    void eachCorePriorityHasOnePairAndReadsBack() {
        assertEquals(new PriorityMatrix.Pair(1, 1), m.pairFor(Priority.URGENT).orElseThrow());
        assertEquals(new PriorityMatrix.Pair(2, 1), m.pairFor(Priority.HIGH).orElseThrow());
        assertEquals(new PriorityMatrix.Pair(2, 2), m.pairFor(Priority.NORMAL).orElseThrow());
        assertEquals(new PriorityMatrix.Pair(3, 2), m.pairFor(Priority.LOW).orElseThrow());
        for (Priority p : Priority.values()) {
            assertEquals(Optional.of(p), m.read(String.valueOf(m.priorityOf(m.pairFor(p).orElseThrow()))));
        }
        assertEquals(Optional.of(Priority.LOW), m.read("5"), "Planning is low");
        assertEquals(Priority.LOW, m.unchosen());
        assertTrue(m.read("0").isEmpty());
        assertTrue(m.read("").isEmpty());
    }

    @Test
    void aMatrixWithoutALevelGivesNoPair() {
        PriorityMatrix flat = PriorityMatrix.parse("1,2,3;2,3,3;3,3,5", PriorityMatrix.DEFAULT_LEVELS);
        assertTrue(flat.pairFor(Priority.LOW).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PriorityMatrix.parse("1,2,3;2,3,4;3,4,6", "urgent=1,high=2,normal=3,low=4"));
        assertThrows(IllegalArgumentException.class, () -> PriorityMatrix.parse(PriorityMatrix.DEFAULT_MATRIX, "urgent=1,high=2"));
    }
}
