package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Priority;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopGuardTest {

    private static TicketEvent event(String actor, Set<String> tags) {
        return new TicketEvent(TicketRef.of("zendesk", "7"), TicketEvent.Type.UPDATED, "d1", actor, Instant.EPOCH, tags);
    }

    @Test
    void ignoresEventsOfTheIntegrationUser() {
        LoopGuard g = new LoopGuard(Set.of("900"), null);
        assertTrue(g.ignoreReason(event("900", Set.of())).isPresent());
        assertTrue(g.ignoreReason(event("123", Set.of())).isEmpty());
        assertTrue(g.ignoreReason(event(null, Set.of())).isEmpty());
    }

    @Test
    void ignoresTicketsCarryingTheMarker() {
        LoopGuard g = new LoopGuard(Set.of(), "DeskAssist_Done");
        assertTrue(g.ignoreReason(event("1", Set.of("vip", "deskassist_done"))).isPresent());
        assertTrue(g.ignoreReason(event("1", Set.of("vip"))).isEmpty());
    }

    @Test
    void marksOnlyPlansThatChangeSomething() {
        LoopGuard g = new LoopGuard(Set.of(), "deskassist_done");
        WriteBack plan = WriteBack.builder("7").priority(Priority.HIGH).build();
        assertEquals(Set.of("deskassist_done"), g.mark(plan).tagsToAdd());
        assertTrue(g.mark(WriteBack.none("7")).isEmpty());
        assertEquals(plan, LoopGuard.off().mark(plan));
    }
}
