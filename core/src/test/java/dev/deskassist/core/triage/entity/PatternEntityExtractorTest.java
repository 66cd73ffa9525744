package dev.deskassist.core.triage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternEntityExtractorTest {

    private final PatternEntityExtractor extractor = new PatternEntityExtractor();

    private List<Entity> of(EntityType type, String text) {
        return extractor.extract(text).stream().filter(e -> e.type() == type).toList();
    }

    private Entity single(EntityType type, String text) {
        List<Entity> found = of(type, text);
        assertEquals(1, found.size(), () -> type + " in '" + text + "': " + extractor.extract(text).stream()
                .map(e -> e.type() + "=" + e.text()).toList());
        Entity e = found.get(0);
        assertEquals(e.text(), text.substring(e.start(), e.end()), "offsets point into the text");
        return e;
    }

    @Test
    void email() {
        Entity e = single(EntityType.EMAIL, "Bitte an Max.Muster+shop@example.co.uk schreiben.");
        assertEquals("max.muster+shop@example.co.uk", e.normalized());
        assertTrue(of(EntityType.EMAIL, "Preis @ 5 Euro, user@localhost").isEmpty());
    }

    @Test
    void validIbanWithAndWithoutSpaces() {
        assertEquals("DE89370400440532013000", single(EntityType.IBAN, "IBAN: DE89 3704 0044 0532 0130 00 bitte").normalized());
        assertEquals("DE89370400440532013000", single(EntityType.IBAN, "Konto DE89370400440532013000.").normalized());
        assertEquals("GB82WEST12345698765432", single(EntityType.IBAN, "my IBAN is GB82 WEST 1234 5698 7654 32").normalized());
        assertEquals("FR1420041010050500013M02606", single(EntityType.IBAN, "FR14 2004 1010 0505 0001 3M02 606").normalized());
    }

    @Test
    void ibanWithWrongCheckDigitsIsNoIban() {
        assertTrue(of(EntityType.IBAN, "IBAN DE88 3704 0044 0532 0130 00").isEmpty());
        assertTrue(of(EntityType.IBAN, "DE89 3704 0044 0532 0130 01").isEmpty());
    }

    @Test
    void cardNumbersAreLuhnChecked() {
        assertEquals("4111111111111111", single(EntityType.CARD_NUMBER, "Karte 4111 1111 1111 1111 belastet").normalized());
        assertEquals("5500005555555559", single(EntityType.CARD_NUMBER, "card 5500-0055-5555-5559").normalized());
        assertEquals("378282246310005", single(EntityType.CARD_NUMBER, "Amex 378282246310005").normalized());
        assertTrue(of(EntityType.CARD_NUMBER, "Karte 4111 1111 1111 1112 belastet").isEmpty());
        assertTrue(of(EntityType.CARD_NUMBER, "ref 1234567890123").isEmpty());
    }

    @Test
    void phonesInternationalAndNational() {
        assertEquals("+493012345678", single(EntityType.PHONE, "Rufen Sie mich an: +49 30 12345678.").normalized());
        assertEquals("+493012345678", single(EntityType.PHONE, "Tel. +49 (0)30 123 456 78").normalized());
        assertEquals("+33123456789", single(EntityType.PHONE, "au +33 1 23 45 67 89 svp").normalized());
        assertEquals("+15551234567", single(EntityType.PHONE, "call +1 (555) 123-4567").normalized());
        assertEquals("03012345678", single(EntityType.PHONE, "Festnetz 030 / 123 456 78").normalized());
        assertEquals("01701234567", single(EntityType.PHONE, "Handy 0170-1234567").normalized());
        assertEquals("5551234567", single(EntityType.PHONE, "call me at (555) 123-4567").normalized());
    }

    @Test
    void orderNumbersDatesAndAmountsAreNotPhones() {
        assertTrue(of(EntityType.PHONE, "Bestellnummer 10023456 vom 03.05.2024 über 1.234,56 €").isEmpty());
        assertTrue(of(EntityType.PHONE, "Artikel 0123456 und 2024-05-03").isEmpty());
        assertEquals("10023456", single(EntityType.ORDER_NUMBER, "Bestellnummer 10023456 vom 03.05.2024").normalized());
    }

    @Test
    void configuredNumberPatterns() {
        assertEquals("12345", single(EntityType.ORDER_NUMBER, "Order #12345 has not arrived").normalized());
        assertEquals("A-10077", single(EntityType.ORDER_NUMBER, "order no. A-10077").normalized());
        assertEquals("RE-2024-0042", single(EntityType.INVOICE_NUMBER, "Rechnung RE-2024-0042 ist doppelt").normalized());
        assertEquals("4711-22", single(EntityType.INVOICE_NUMBER, "invoice no. 4711-22").normalized());
        assertEquals("1Z999AA10123456784", single(EntityType.TRACKING_NUMBER, "UPS 1Z999AA10123456784").normalized());
        assertEquals("00340434161094042557", single(EntityType.TRACKING_NUMBER,
                "Sendungsnummer: 00340434161094042557").normalized());
        assertEquals("K-88123", single(EntityType.CUSTOMER_NUMBER, "Kundennummer K-88123").normalized());
        assertEquals("RR123456785DE", single(EntityType.TRACKING_NUMBER, "Einschreiben RR123456785DE").normalized());
        assertTrue(of(EntityType.TRACKING_NUMBER, "Einschreiben RR123456789DE").isEmpty(), "S10 check digit");
        assertEquals("K-88123", single(EntityType.CUSTOMER_NUMBER, "My customer number is K-88123.").normalized());
        assertEquals("55501", single(EntityType.ORDER_NUMBER, "Meine Bestellnummer lautet 55501").normalized());
        assertTrue(of(EntityType.ORDER_NUMBER, "my order arrived damaged").isEmpty());

        PatternEntityExtractor own = new PatternEntityExtractor(EntityPatterns.builder()
                .add("shop", EntityType.ORDER_NUMBER, "\\bNW-\\d{6}\\b").add("shop2", EntityType.ORDER_NUMBER, "NX-\\d{6}\\b", "N").build());
        assertEquals(List.of("NW-123456", "NX-654321"), own.extract("siehe NW-123456 und NX-654321").stream().map(Entity::normalized).toList());
        assertThrows(IllegalArgumentException.class,
                () -> EntityPatterns.builder().add("broken", EntityType.ORDER_NUMBER, "(unclosed"));
    }

    @Test
    void amounts() {
        assertEquals("EUR 12.50", single(EntityType.AMOUNT, "Mir wurden 12,50 € zu viel berechnet").normalized());
        assertEquals("EUR 1234.56", single(EntityType.AMOUNT, "Betrag EUR 1.234,56 abgebucht").normalized());
        assertEquals("USD 19.99", single(EntityType.AMOUNT, "charged $19.99 twice").normalized());
        assertEquals("EUR 20", single(EntityType.AMOUNT, "die 20 Euro zurück").normalized());
        assertEquals("USD 1234.50", single(EntityType.AMOUNT, "USD 1,234.50").normalized());
        assertTrue(of(EntityType.AMOUNT, "we have 20 users").isEmpty());
    }

    @Test
    void datesNormalizedToIso() {
        assertEquals("2024-05-03", single(EntityType.DATE, "am 2024-05-03 bestellt").normalized());
        assertEquals("2024-05-03", single(EntityType.DATE, "am 03.05.2024 bestellt").normalized());
        assertEquals("2024-05-03", single(EntityType.DATE, "am 3. Mai 2024 bestellt").normalized());
        assertEquals("2024-05-03", single(EntityType.DATE, "ordered on May 3, 2024").normalized());
        assertEquals("2024-05-03", single(EntityType.DATE, "ordered on 3rd of May 2024").normalized());
        assertEquals("2024-03-12", single(EntityType.DATE, "le 12 mars 2024").normalized());
        assertEquals("--05-03", single(EntityType.DATE, "seit dem 3. Mai").normalized());
        assertEquals("05/03/2024", single(EntityType.DATE, "on 05/03/2024").normalized());
        assertEquals("2024-05-23", single(EntityType.DATE, "on 05/23/2024").normalized());
        assertTrue(of(EntityType.DATE, "am 31.02.2024 und 2024-13-01").isEmpty());
    }

    @Test
    void urls() {
        Entity e = single(EntityType.URL, "Siehe https://status.nordwind.example/incidents/42, danke.");
        assertEquals("https://status.nordwind.example/incidents/42", e.text());
        single(EntityType.URL, "auf www.nordwind.example nachsehen");
    }

    @Test
    void noOverlapsAndOrdered() {
        String text = "Bestellung 10023456 am 03.05.2024, 49,90 € an DE89 3704 0044 0532 0130 00, Mail a@b.de, "
                + "Tel +49 170 1234567, https://x.example/a@b.de";
        List<Entity> all = extractor.extract(text);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).end() <= all.get(i).start(), "ordered and disjoint: " + all);
        }
        assertEquals(List.of(EntityType.ORDER_NUMBER, EntityType.DATE, EntityType.AMOUNT, EntityType.IBAN,
                EntityType.EMAIL, EntityType.PHONE, EntityType.URL), all.stream().map(Entity::type).toList());
    }

    @Test
    void emptyAndHugeInputs() {
        assertTrue(extractor.extract("").isEmpty());
        assertTrue(extractor.extract(null).isEmpty());
        String digits = "1234567890 ".repeat(100_000);
        String letters = "a".repeat(1_000_000);
        String mixed = "+49 ".repeat(250_000);
        String ats = "x@".repeat(500_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            extractor.extract(digits);
            assertTrue(extractor.extract(letters).isEmpty());
            extractor.extract(mixed);
            assertFalse(extractor.extract(ats).stream().anyMatch(e -> e.type() == EntityType.EMAIL));
        });
    }
}
