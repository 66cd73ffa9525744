package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopGuardTest {

    private static TicketEvent event(TicketEvent.Type type, String actor, Set<String> tags) {
        return new TicketEvent(TicketRef.of("zendesk", "7"), type, "d1", actor, Instant.EPOCH, tags);
    }

    private static TicketEvent event(String actor, Set<String> tags) {
        return event(TicketEvent.Type.UPDATED, actor, tags);
    }

    private static final Comment OUR_NOTE = Comment.internalNote(AuthorRole.SYSTEM,
            "AI triage\n\nDeskAssist ref: da-0123456789ab");

    @Test
    void ignoresEventsOfTheIntegrationUser() {
        LoopGuard g = new LoopGuard(Set.of("900"), null);
        assertTrue(g.ignoreReason(event("900", Set.of())).isPresent());
        assertTrue(g.ignoreReason(event("123", Set.of())).isEmpty());
        assertTrue(g.ignoreReason(event(null, Set.of())).isEmpty());
    }

    @Test
    void theMarkerBlocksBeforeReadingOnlyWhenNothingElseTells() {
        LoopGuard g = new LoopGuard(Set.of("900"), "DeskAssist_Done");
        Set<String> marked = Set.of("vip", "deskassist_done");
        assertTrue(g.ignoreReason(event(null, marked)).isPresent(), "no actor, not a comment: likely our own update");
        assertTrue(g.ignoreReason(event("1", marked)).isEmpty(), "a known other actor is read and decided on");
        assertTrue(g.ignoreReason(event(TicketEvent.Type.COMMENT_ADDED, null, marked)).isEmpty());
        assertTrue(g.ignoreReason(event(null, Set.of("vip"))).isEmpty());
    }

    @Test
    void aProcessedTicketIsProcessedAgainOnlyForANewPublicCustomerComment() {
        LoopGuard g = new LoopGuard(Set.of("900"), "deskassist_done");
        Ticket processed = Ticket.builder("7").tag("deskassist_done")
                .addComment(Comment.of(AuthorRole.CUSTOMER, "first question")).addComment(OUR_NOTE).build();
        TicketEvent followUp = event(TicketEvent.Type.COMMENT_ADDED, "555", Set.of("deskassist_done"));

        assertEquals("processed before, and no new public customer comment since",
                g.ignoreReason(followUp, processed).orElseThrow());
        Ticket agentReplied = processed.toBuilder().addComment(Comment.of(AuthorRole.AGENT, "we are on it")).build();
        assertTrue(g.ignoreReason(event("321", Set.of()), agentReplied).isPresent(), "an agent's reply starts no round");
        Ticket customerAgain = agentReplied.toBuilder().addComment(Comment.of(AuthorRole.CUSTOMER, "still broken"))
                .build();
        assertTrue(g.ignoreReason(followUp, customerAgain).isEmpty(), "the follow-up is triaged again");
        assertTrue(g.ignoreReason(event(TicketEvent.Type.UPDATED, "900", Set.of()), customerAgain).isPresent(),
                "our own update never starts a round");
        Ticket fresh = Ticket.builder("7").addComment(Comment.of(AuthorRole.CUSTOMER, "hello")).build();
        assertTrue(g.ignoreReason(event(TicketEvent.Type.CREATED, "555", Set.of()), fresh).isEmpty());
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
