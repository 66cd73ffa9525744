package dev.deskassist.core.llm;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Realistic German and English tickets seeded with personal data (all invented), each with the
 * list of seeded items that must never reach a model.
 */
final class LeakCorpus {

    record Seeded(Ticket ticket, List<String> items) {
    }

    private LeakCorpus() {
    }

    static List<Seeded> all() {
        List<Seeded> out = new ArrayList<>();
        out.add(t("1", "Paket nicht angekommen", """
                Hallo,
                meine Bestellung 4711-2024-88 ist immer noch nicht da. Lieferadresse war Hauptstraße 12, 10115 Berlin.
                Bitte rufen Sie mich unter 0171 2345678 an.

                Mit freundlichen Grüßen
                Jana Schmidt""", req("Jana Schmidt", "jana.schmidt@example.de", "Schmidt Logistik GmbH"),
                List.of(), "Jana", "Schmidt", "4711-2024-88", "Hauptstraße 12", "10115 Berlin", "0171 2345678",
                "jana.schmidt@example.de"));
        out.add(t("2", "Doppelte Abbuchung", """
                Sehr geehrte Damen und Herren,
                von meinem Konto DE89 3704 0044 0532 0130 00 wurde der Betrag für Rechnung RE-2024-0815 zweimal abgebucht.
                Bitte erstatten Sie einen Betrag.
                Viele Grüße
                Thomas Becker""", req("Thomas Becker", "t.becker@web.example", null), List.of(),
                "Thomas", "Becker", "DE89 3704 0044 0532 0130 00", "RE-2024-0815", "t.becker@web.example"));
        out.add(t("3", "Card charged twice", """
                Hi there,
                my card 4111 1111 1111 1111 was charged twice for order #A77-1203. Please call me at +1 415 555 0142.
                Thanks,
                Emily Carter""", req("Emily Carter", "emily.carter@mail.example", "Carter & Sons"), List.of(),
                "Emily", "Carter", "4111 1111 1111 1111", "A77-1203", "+1 415 555 0142", "emily.carter@mail.example"));
        out.add(t("4", "Re: Lieferung", """
                Wo bleibt das Paket? Ich warte seit Montag.

                Am 03.06.2024 um 10:00 schrieb Peter Wagner <p.wagner@shop.example>:
                > Hallo Frau Keller,
                > Ihr Paket wurde heute an die Gartenweg 5, 80331 München verschickt.
                > Viele Grüße
                > Peter Wagner""", req("Sabine Keller", "sabine.keller@example.org", null),
                List.of(agent("Peter Wagner", "Hallo Frau Keller,\nich habe beim Versand nachgefragt.\nViele Grüße\nPeter Wagner")),
                "Sabine", "Keller", "Peter", "Wagner", "p.wagner@shop.example", "Gartenweg 5", "80331 München",
                "sabine.keller@example.org"));
        out.add(t("5", "Password reset not working", """
                Dear Support,
                I cannot reset my password. My account email is mark.o.brien@corp.example and my phone +44 20 7946 0958.
                Customer number: 88213455.
                Kind regards,
                Mark O'Brien""", req("Mark O'Brien", "mark.o.brien@corp.example", "Brien Consulting Ltd"), List.of(),
                "Mark O'Brien", "+44 20 7946 0958", "88213455", "mark.o.brien@corp.example"));
        out.add(t("6", "Kündigung Vertrag", """
                Hallo Herr Neumann,
                hiermit kündige ich meinen Vertrag Nr. VT-99812 zum nächsten möglichen Termin.
                Meine neue Adresse: Lindenallee 7a, 50667 Köln.
                Tel.: 0221 4455667
                Gruß
                Lukas Hoffmann""", req("Lukas Hoffmann", "lukas.hoffmann@posteo.example", null),
                List.of(agent("Martin Neumann", "Hallo Herr Hoffmann, die Kündigung ist eingegangen.")),
                "Lukas", "Hoffmann", "Neumann", "Martin", "VT-99812", "Lindenallee 7a", "50667 Köln", "0221 4455667"));
        out.add(t("7", "Refund for order", """
                Hello,
                I returned order SO-204518 two weeks ago to 221 Baker Street, but no refund yet.
                My name is Oliver Twist and you can reach me on 07700 900123.
                Cheers""", req("Oliver Twist", "oliver.twist@example.co.uk", null), List.of(),
                "Oliver", "Twist", "SO-204518", "221 Baker Street", "07700 900123", "oliver.twist@example.co.uk"));
        out.add(t("8", "Falsche Rechnung", """
                Guten Tag Frau Yılmaz,
                die Rechnung Nr. 2024-55102 enthält falsche Positionen. Kundennummer 100234.
                Bitte korrigieren Sie das.
                Beste Grüße
                Ayşe Demir
                Demir Bau GmbH
                Industriestraße 44, 70565 Stuttgart""", req("Ayşe Demir", "a.demir@demirbau.example", "Demir Bau GmbH"),
                List.of(agent("Elif Yılmaz", "Guten Tag Frau Demir, ich prüfe das gern.")),
                "Ayşe", "Demir", "Yılmaz", "Elif", "2024-55102", "100234", "Industriestraße 44", "70565 Stuttgart",
                "a.demir@demirbau.example"));
        out.add(t("9", "Login issue", """
                Hi Sarah,
                still can't log in. I tried from my work laptop too. Contact me at j.nguyen@startup.example or (212) 555-0199.
                Regards, James""", req("James Nguyen", "j.nguyen@startup.example", "Startup Inc"),
                List.of(agent("Sarah Miller", "Hi James, could you send a screenshot?")),
                "James", "Nguyen", "Sarah", "Miller", "j.nguyen@startup.example", "(212) 555-0199"));
        out.add(t("10", "Rückerstattung", """
                Hallo,
                ich habe den Artikel zurückgeschickt (Auftragsnummer 300455871). Bitte überweisen Sie das Geld auf
                IBAN DE44 5001 0517 5407 3249 31.
                Danke, Monika Weber""", req("Monika Weber", "monika.weber@gmx.example", null), List.of(),
                "Monika", "Weber", "300455871", "DE44 5001 0517 5407 3249 31", "monika.weber@gmx.example"));
        out.add(t("11", "Delivery damaged", """
                Good morning,
                the parcel for invoice INV-2024-00917 arrived damaged at 42 Elm Road, Manchester M1 4BT.
                Please send a replacement.
                Best regards,
                Priya Patel""", req("Priya Patel", "priya.patel@example.net", null), List.of(),
                "Priya", "Patel", "INV-2024-00917", "42 Elm Road", "M1 4BT", "priya.patel@example.net"));
        out.add(t("12", "Frage zu meinem Konto", """
                Moin,
                mein Name ist Henrik Jansen, ich bin Kunde seit 2019. Ich erreiche Sie nicht unter der Hotline.
                Rufen Sie bitte zurück: +49 (0)40 555 12 34.
                LG Henrik""", req("Henrik Jansen", "henrik.jansen@example.de", null), List.of(),
                "Henrik", "Jansen", "+49 (0)40 555 12 34", "henrik.jansen@example.de"));
        out.add(t("13", "Cancel subscription", """
                Dear Ms. Rossi,
                please cancel my subscription, account no. 55-901-233. The card ending in 5555 4444 3333 1111 must not be charged again.
                Sincerely,
                Robert King""", req("Robert King", "robert.king@example.com", "King Media"),
                List.of(agent("Giulia Rossi", "Dear Mr. King, I have forwarded your request.")),
                "Robert", "King", "Rossi", "Giulia", "55-901-233", "5555 4444 3333 1111", "robert.king@example.com"));
        out.add(t("14", "Lieferung an falsche Adresse", """
                Hallo Team,
                die Lieferung zu Bestellung 8800123 ging an Am Markt 3 statt an Bahnhofstraße 101, 04109 Leipzig.
                Meine Handynummer: 0152 9876543
                Freundliche Grüße
                Claudia Fischer""", req("Claudia Fischer", "claudia.fischer@example.de", null), List.of(),
                "Claudia", "Fischer", "8800123", "Am Markt 3", "Bahnhofstraße 101", "04109 Leipzig", "0152 9876543"));
        out.add(t("15", "Invoice question", """
                Hello,
                regarding invoice 77120-B: our finance contact is Laura Chen (laura.chen@acme.example, +1 646 555 0173).
                Please send the corrected invoice to her.
                Thanks
                Daniel Brooks""", req("Daniel Brooks", "daniel.brooks@acme.example", "ACME Corp"), List.of(),
                "Laura Chen", "laura.chen@acme.example", "+1 646 555 0173", "Daniel", "Brooks", "77120-B"));
        out.add(t("16", "Gerät defekt", """
                Guten Tag,
                mein Gerät (Seriennummer egal) ist defekt. Bestellnummer: DE-5531-77.
                Sie erreichen mich unter 089 12345678 oder per Mail an f.schulz@t-online.example.
                Mit freundlichen Grüßen
                Dr. Friedrich Schulz
                Schillerstraße 8
                01067 Dresden""", req("Friedrich Schulz", "f.schulz@t-online.example", null), List.of(),
                "Friedrich", "Schulz", "DE-5531-77", "089 12345678", "f.schulz@t-online.example", "Schillerstraße 8",
                "01067 Dresden"));
        out.add(t("17", "Wrong item", """
                Hey,
                I got the wrong size for order 99-1887-3. Ship the right one to 10 Downing Street, London SW1A 2AA.
                Cheers,
                Tom Hardy""", req("Tom Hardy", "tom.hardy@example.uk", null), List.of(),
                "Tom", "Hardy", "99-1887-3", "10 Downing Street", "SW1A 2AA", "tom.hardy@example.uk"));
        out.add(t("18", "Erneute Nachfrage", """
                Hallo Frau Lange,
                leider habe ich immer noch keine Antwort zu Kundennummer K-445120.

                Von: Katrin Lange <katrin.lange@firma.example>
                Gesendet: Montag, 3. Juni 2024 09:12
                An: Stefan Braun <stefan.braun@example.de>
                Betreff: Ihre Anfrage
                Sehr geehrter Herr Braun, wir melden uns.""", req("Stefan Braun", "stefan.braun@example.de", null),
                List.of(agent("Katrin Lange", "Sehr geehrter Herr Braun,\nwir kümmern uns darum.\nMit freundlichen Grüßen\nKatrin Lange")),
                "Katrin", "Lange", "katrin.lange@firma.example", "Stefan", "Braun", "stefan.braun@example.de", "K-445120"));
        out.add(t("19", "Account locked", """
                Hello,
                this is Maria Garcia from Garcia Imports. Our admin account is locked since yesterday.
                Phone: 555-867-5309
                Best,
                Maria""", req("Maria Garcia", "maria@garcia-imports.example", "Garcia Imports"), List.of(),
                "Maria", "Garcia", "555-867-5309", "maria@garcia-imports.example", "Garcia Imports"));
        out.add(t("20", "Zahlung fehlgeschlagen", """
                Hallo zusammen,
                meine Zahlung mit der Karte 5105 1051 0510 5100 ist fehlgeschlagen, Rechnungsnummer 2024/1187.
                Bitte melden Sie sich bei mir: anna-lena.vogel@example.de
                Liebe Grüße
                Anna-Lena Vogel""", req("Anna-Lena Vogel", "anna-lena.vogel@example.de", null), List.of(),
                "Anna-Lena", "Vogel", "5105 1051 0510 5100", "anna-lena.vogel@example.de"));
        out.add(t("21", "Shipment tracking", """
                Dear Mr. Osei,
                thanks for the update. The tracking says delivered but nothing arrived at 7 Queen Street, Edinburgh EH2 1JE.
                Order number: ORD-559021.
                Kind regards,
                Fiona MacLeod""", req("Fiona MacLeod", "fiona.macleod@example.scot", null),
                List.of(agent("Kwame Osei", "Dear Ms. MacLeod, the carrier confirmed delivery.")),
                "Fiona", "MacLeod", "Osei", "Kwame", "7 Queen Street", "EH2 1JE", "ORD-559021"));
        out.add(t("22", "Adressänderung", """
                Sehr geehrter Herr Krüger,
                bitte ändern Sie meine Anschrift auf Berliner Straße 55, 60311 Frankfurt am Main.
                Mein Kundenkonto: 7765002.
                Hochachtungsvoll
                Birgit Hahn
                Tel. 069 2233445""", req("Birgit Hahn", "birgit.hahn@example.de", null),
                List.of(agent("Jonas Krüger", "Sehr geehrte Frau Hahn, erledigt.")),
                "Birgit", "Hahn", "Krüger", "Jonas", "Berliner Straße 55", "60311 Frankfurt", "7765002", "069 2233445"));
        return out;
    }

    private static Requester req(String name, String email, String org) {
        return new Requester(null, name, email, org, Set.of());
    }

    private static Comment agent(String name, String body) {
        return new Comment(null, AuthorRole.AGENT, name, true, null, MessageText.parse(body));
    }

    private static Seeded t(String id, String subject, String body, Requester r, List<Comment> comments, String... items) {
        Ticket t = Ticket.builder("leak-" + id).subject(subject).description(body).requester(r).comments(comments).build();
        return new Seeded(t, List.of(items));
    }
}
