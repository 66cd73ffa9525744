package dev.deskassist.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    final Pseudonymizer p = Pseudonymizer.builder().businessNumbers(true).build();

    static Ticket ticket(String body) {
        return Ticket.builder("1").subject("Frage").description(body)
                .requester(new Requester("42", "Jana Schmidt", "jana.schmidt@example.de", "Schmidt Logistik GmbH", Set.of()))
                .build();
    }

    @Test
    void sameValueSamePlaceholderEverywhereAndRestoreIsExact() {
        Ticket t = Ticket.builder("1").subject("Rückruf an jana.schmidt@example.de")
                .description("Hallo,\nbitte rufen Sie mich an: +49 30 1234567.\nMeine Mail: jana.schmidt@example.de")
                .requester(Requester.of("Jana Schmidt", "jana.schmidt@example.de"))
                .addComment(Comment.of(AuthorRole.CUSTOMER, "Nochmal: +49 30 1234567"))
                .build();
        PseudonymizedTicket pt = p.pseudonymize(t);
        assertEquals("Rückruf an [EMAIL_1]", pt.ticket().subject());
        assertTrue(pt.ticket().description().text().contains("[PHONE_1]"), pt.ticket().description().text());
        assertTrue(pt.ticket().description().text().endsWith("Meine Mail: [EMAIL_1]"));
        assertEquals("Nochmal: [PHONE_1]", pt.ticket().comments().get(0).body().text());
        assertEquals("[NAME_1]", pt.ticket().requester().name());
        assertEquals("[EMAIL_1]", pt.ticket().requester().email());
        assertEquals("Danke Jana Schmidt, wir rufen +49 30 1234567 an.", pt.map().restore("Danke [NAME_1], wir rufen [PHONE_1] an."));
        assertEquals("Jana Schmidt", pt.map().restore("[NAME_1]"));
    }

    @Test
    void pseudonymizingTwiceGivesTheSameText() {
        Ticket t = ticket("Sehr geehrte Damen und Herren,\nIBAN DE89 3704 0044 0532 0130 00 bitte prüfen.\n"
                + "Mit freundlichen Grüßen\nJana Schmidt");
        assertEquals(p.pseudonymize(t).ticket(), p.pseudonymize(t).ticket());
    }

    @Test
    void findsPaymentDataAddressesAndNumbers() {
        String body = "Guten Tag,\nmeine IBAN DE89 3704 0044 0532 0130 00 wurde doppelt belastet, Karte 4111 1111 1111 1111.\n"
                + "Lieferadresse: Hauptstraße 12, 10115 Berlin. Bestellnummer: 4711-2024-88, Rechnung RE-2024-0815, "
                + "Kundennummer 55012.\nTel. 030 98765432";
        PseudonymizedTicket pt = p.pseudonymize(ticket(body));
        String out = pt.ticket().description().text();
        for (String leaked : new String[] {"DE89", "4111", "Hauptstraße", "10115", "4711-2024-88", "RE-2024-0815", "55012",
                "98765432"}) {
            assertFalse(out.contains(leaked), leaked + " leaked: " + out);
        }
        assertTrue(out.contains("[IBAN_1]") && out.contains("[CARD_1]") && out.contains("[ADDRESS_1]")
                && out.contains("[ORDER_1]") && out.contains("[INVOICE_1]") && out.contains("[CUSTOMER_1]")
                && out.contains("[PHONE_1]"), out);
        assertTrue(pt.map().has(PiiKind.IBAN));
    }

    @Test
    void findsNamesFromGreetingsTitlesAndSignatures() {
        String body = "Dear Mr. Smith,\nI talked to Frau Müller yesterday. My name is Tom Baker.\n"
                + "Best regards,\nJohn Carter";
        String out = p.pseudonymize(ticket(body)).ticket().description().full();
        for (String leaked : new String[] {"Smith", "Müller", "Tom", "Baker", "John", "Carter"}) {
            assertFalse(out.contains(leaked), leaked + " leaked: " + out);
        }
        assertTrue(out.startsWith("Dear Mr. [NAME_"), out);
    }

    @Test
    void requesterNamePartsAreMaskedAlone() {
        String out = p.pseudonymize(ticket("Hallo, hier schreibt Jana. Frau Schmidt ist im Urlaub.")).ticket()
                .description().text();
        assertFalse(out.contains("Jana") || out.contains("Schmidt"), out);
    }

    @Test
    void agentNamesAndQuotedHistoryAreMasked() {
        Ticket t = Ticket.builder("2").subject("Re: Paket")
                .description("Wo bleibt mein Paket?\n\nAm 03.06.2024 um 10:00 schrieb Peter Wagner <p.wagner@shop.example>:\n"
                        + "> Hallo Frau Schmidt, Ihr Paket ist unterwegs.")
                .requester(Requester.of("Jana Schmidt", "jana@example.de"))
                .addComment(new Comment("c1", AuthorRole.AGENT, "Peter Wagner", true, null,
                        dev.deskassist.core.model.MessageText.parse("Hallo Frau Schmidt,\nich prüfe das.\nViele Grüße\nPeter Wagner")))
                .build();
        PseudonymizedTicket pt = p.pseudonymize(t);
        String all = pt.ticket().description().full() + "\n" + pt.ticket().comments().get(0).body().full() + "\n"
                + pt.ticket().comments().get(0).authorName();
        for (String leaked : new String[] {"Peter", "Wagner", "p.wagner", "Schmidt"}) {
            assertFalse(all.contains(leaked), leaked + " leaked: " + all);
        }
        assertTrue(all.contains("03.06.2024"), "dates are not phone numbers: " + all);
    }

    @Test
    void customPatternsMaskConfiguredNumbers() {
        Pseudonymizer custom = Pseudonymizer.builder().pattern(PiiKind.ORDER, Pattern.compile("\\bSO-\\d{6}\\b")).build();
        String out = custom.pseudonymize(ticket("Es geht um SO-123456 und SO-123456.")).ticket().description().text();
        assertEquals("Es geht um [ORDER_1] und [ORDER_1].", out);
    }

    @Test
    void unknownPlaceholdersAreReported() {
        PseudonymizedTicket pt = p.pseudonymize(ticket("Hallo"));
        assertEquals(Set.of("[NAME_9]"), pt.map().unknownPlaceholders("Hallo [NAME_1] und [NAME_9]"));
        assertFalse(pt.map().toString().contains("Jana"));
    }
}
