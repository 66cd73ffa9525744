package dev.deskassist.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketTest {

    private Ticket ticket() {
        return Ticket.builder("42")
                .subject("Rechnung falsch")
                .description("Die Rechnung RE-2024-0042 ist doppelt.\n\nViele Grüße\nJana")
                .addComment(Comment.of(AuthorRole.AGENT, "Können Sie mir die Bestellnummer nennen?"))
                .addComment(Comment.internalNote(AuthorRole.AGENT, "Kundin schon zweimal angerufen"))
                .addComment(Comment.of(AuthorRole.CUSTOMER, "Bestellnummer 12345"))
                .requester(new Requester("7", "Jana Schmidt", "jana@example.com", "ACME", Set.of("VIP", " Enterprise ")))
                .priority(Priority.NORMAL)
                .tag("billing")
                .build();
    }

    @Test
    void customerTextHasSubjectAndCustomerTurnsOnly() {
        Ticket t = ticket();
        assertEquals(List.of("Die Rechnung RE-2024-0042 ist doppelt.", "Bestellnummer 12345"), t.customerMessages());
        String text = t.customerText(10_000);
        assertTrue(text.startsWith("Rechnung falsch\n"));
        assertFalse(text.contains("Bestellnummer nennen"), "agent turns are not customer text");
        assertFalse(text.contains("Jana"), "signatures are not customer text");
        assertEquals(2, t.customerTurns());
        assertEquals(15, t.customerText(15).length());
    }

    @Test
    void segmentsAreNormalizedAndCollectionsImmutable() {
        Ticket t = ticket();
        assertTrue(t.requester().inSegment("vip"));
        assertTrue(t.requester().inSegment("ENTERPRISE"));
        assertThrows(UnsupportedOperationException.class, () -> t.tags().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> t.comments().clear());
        assertTrue(t.comments().get(1).isInternal());
    }

    @Test
    void toStringCarriesNoPersonalData() {
        String s = ticket().toString() + ticket().requester();
        assertFalse(s.contains("Jana"));
        assertFalse(s.contains("jana@example.com"));
        assertFalse(s.contains("Rechnung"));
    }

    @Test
    void versionAndDisplayIdSurviveTheBuilder() {
        Ticket t = ticket().toBuilder().version("7").displayId("INC0010003").build();
        assertEquals("7", t.toBuilder().build().version());
        assertEquals("INC0010003", t.toBuilder().build().displayId());
        assertEquals(t.id(), ticket().displayId(), "the display id defaults to the id");
        assertEquals(null, ticket().toBuilder().version(" ").build().version());
        assertTrue(t.toString().contains("INC0010003"));
        assertFalse(t.toString().contains("Jana"));
    }

    @Test
    void toBuilderRoundTrips() {
        Ticket t = ticket();
        assertEquals(t, t.toBuilder().build());
        assertEquals(Priority.HIGH, t.toBuilder().priority(Priority.HIGH).build().priority());
    }

    @Test
    void priorityParsing() {
        assertEquals(Priority.URGENT, Priority.parse("URGENT").orElseThrow());
        assertEquals(Priority.LOW, Priority.parse(" low ").orElseThrow());
        assertTrue(Priority.parse("p1").isEmpty());
        assertTrue(Priority.HIGH.isAbove(Priority.NORMAL));
    }

    @Test
    void decisionValidatesConfidence() {
        assertThrows(IllegalArgumentException.class, () -> Decision.of("x", 1.5, "t"));
        assertThrows(IllegalArgumentException.class, () -> Decision.of("x", Double.NaN, "t"));
        Decision<String> none = Decision.none("t", "text too short");
        assertFalse(none.hasValue());
        assertEquals("en", none.valueOr("en"));
        assertEquals(List.of("text too short"), none.reasons());
    }
}
