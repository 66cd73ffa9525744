package dev.deskassist.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void splitsQuotedHistoryAndSignatureFromGermanMail() {
        MessageText m = MessageText.parse("""
                Hallo,
                meine Bestellung ist immer noch nicht da.

                Mit freundlichen Grüßen
                Jana Schmidt
                Tel. 0171 1234567

                Am 03.05.2024 um 10:12 schrieb Nordwind Support <support@nordwind.example>:
                > Vielen Dank für Ihre Nachricht.
                > Wir melden uns.
                """);
        assertEquals("Hallo,\nmeine Bestellung ist immer noch nicht da.", m.text());
        assertTrue(m.signature().startsWith("Mit freundlichen Grüßen"));
        assertTrue(m.signature().contains("0171"));
        assertTrue(m.quoted().contains("Vielen Dank"));
        assertFalse(m.text().contains("Jana"));
    }

    @Test
    void splitsOutlookStyleHeadersInEnglish() {
        MessageText m = MessageText.parse("""
                I still can't log in, please help.
                Best regards,
                John
                From: Support <help@example.com>
                Sent: Monday, May 6, 2024 9:00 AM
                Subject: Re: Login
                Have you tried resetting your password?
                """);
        assertEquals("I still can't log in, please help.", m.text());
        assertEquals("Best regards,\nJohn", m.signature());
        assertTrue(m.quoted().startsWith("From: Support"));
    }

    @Test
    void inlineFromLineWithoutSentHeaderIsNotAQuote() {
        MessageText m = MessageText.parse("Von: Ihrem Lager kam nichts an.\nBitte prüfen Sie das.");
        assertTrue(m.quoted().isEmpty());
        assertTrue(m.text().contains("Bitte prüfen"));
    }

    @Test
    void htmlBecomesTextWithBlockquoteAsQuote() {
        MessageText m = MessageText.parse("<div><p>Mein Passwort&nbsp;funktioniert nicht.</p><ul><li>Neustart</li>"
                + "<li>Cache gelöscht</li></ul></div><blockquote>Alte Nachricht &amp; mehr</blockquote>"
                + "<script>alert(1)</script>");
        assertEquals("Mein Passwort funktioniert nicht.\n- Neustart\n- Cache gelöscht", m.text());
        assertEquals("> Alte Nachricht & mehr", m.quoted());
        assertFalse(m.full().contains("alert"));
    }

    @Test
    void deviceSignatureIsSplitButOrdinaryPhraseIsNot() {
        MessageText device = MessageText.parse("Paket fehlt.\nVon meinem iPhone gesendet");
        assertEquals("Paket fehlt.", device.text());
        assertEquals("Von meinem iPhone gesendet", device.signature());
        MessageText ordinary = MessageText.parse("Hallo,\nes wurde Geld abgebucht\nvon meinem Konto bei der Sparkasse.");
        assertTrue(ordinary.text().endsWith("von meinem Konto bei der Sparkasse."));
        assertTrue(ordinary.signature().isEmpty());
    }

    @Test
    void onlyQuotedMessageStaysAnalysable() {
        MessageText m = MessageText.parse("> forwarded: the invoice is wrong");
        assertEquals("forwarded: the invoice is wrong", m.text());
    }

    @Test
    void emptyBinaryAndHugeInputAreSafe() {
        assertEquals(MessageText.EMPTY, MessageText.parse(null));
        assertEquals(MessageText.EMPTY, MessageText.parse("  \n "));
        MessageText garbage = MessageText.parse("\u0000\u0001\u0002abc\u0007");
        assertEquals("abc", garbage.text());
        MessageText huge = MessageText.parse("a".repeat(2_000_000));
        assertTrue(huge.text().length() <= MessageText.MAX_CHARS);
    }

    @Test
    void toStringHidesText() {
        assertFalse(MessageText.parse("secret customer text").toString().contains("secret"));
    }
}
