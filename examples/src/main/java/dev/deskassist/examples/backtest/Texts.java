package dev.deskassist.examples.backtest;

import java.util.Map;
import java.util.Random;

/** The phrases {@link NordwindHistory} composes tickets and agent replies from. */
final class Texts {

    private Texts() {
    }

    /** category → {German subjects, German bodies, English subjects, English bodies}. */
    private static final Map<String, String[][]> CUSTOMER = Map.of(
            "delivery", new String[][] {
                    {"Paket nicht angekommen", "Wo bleibt meine Bestellung {order}?", "Lieferung verspätet",
                            "Sendungsverfolgung zeigt nichts", "Bestellung {order}"},
                    {"Meine Bestellung {order} ist seit zehn Tagen unterwegs und das Paket ist immer noch nicht angekommen.",
                            "Die Sendungsverfolgung zeigt seit Tagen keinen neuen Status. Wann kommt die Lieferung?",
                            "Laut DHL wurde das Paket zugestellt, aber ich habe nichts bekommen.",
                            "Können Sie die Lieferadresse für {order} noch ändern? Ich bin umgezogen.",
                            "Ich warte auf den {product}. Wann wird er geliefert?"},
                    {"Parcel not arrived", "Where is my order {order}?", "Delivery delayed", "Tracking not updating",
                            "Order {order}"},
                    {"My order {order} was shipped ten days ago and the parcel still has not arrived.",
                            "The tracking page has shown the same status for a week. When will the delivery come?",
                            "The courier says the package was delivered but I never received it.",
                            "Can you still change the shipping address for {order}? I have moved.",
                            "I am waiting for the {product}. When will it be delivered?"}},
            "returns", new String[][] {
                    {"Rücksendung", "Umtausch {product}", "Retoure anmelden", "Artikel zurückschicken", "Zu klein"},
                    {"Der {product} ist zu klein. Wie kann ich ihn zurückschicken oder umtauschen?",
                            "Ich möchte die Bestellung {order} zurücksenden. Bekomme ich ein Rücksendeetikett?",
                            "Kann ich den {product} auch nach 30 Tagen noch zurückgeben?",
                            "Im Paket fehlte der Retourenschein. Wie melde ich die Retoure an?",
                            "Der {product} gefällt mir nicht, ich hätte gern eine andere Farbe."},
                    {"Return", "Exchange {product}", "Return label please", "Send back my order", "Too small"},
                    {"The {product} is too small. How can I send it back or exchange it?",
                            "I would like to return order {order}. Could you send me a return label?",
                            "Can I still return the {product} after 30 days?",
                            "There was no return form in the parcel. How do I start a return?",
                            "I do not like the colour of the {product}, can I exchange it?"}},
            "refund", new String[][] {
                    {"Erstattung fehlt", "Wo bleibt mein Geld?", "Rückerstattung {order}", "Gutschrift",
                            "Geld zurück"},
                    {"Ich habe die Ware vor drei Wochen zurückgeschickt und warte immer noch auf die Erstattung.",
                            "Die Retoure für {order} ist angekommen, aber das Geld ist noch nicht zurück.",
                            "Bitte erstatten Sie mir den Betrag für den defekten {product}.",
                            "Wann bekomme ich die Gutschrift für die stornierte Bestellung {order}?",
                            "Sie haben mir eine Rückzahlung versprochen, bisher ist nichts passiert."},
                    {"Refund missing", "Where is my money?", "Refund for {order}", "Store credit", "Money back"},
                    {"I sent the items back three weeks ago and I am still waiting for my refund.",
                            "You received my return for {order} but the money has not come back yet.",
                            "Please refund the broken {product}.",
                            "When will I get my money back for the cancelled order {order}?",
                            "You promised me a refund and nothing has happened."}},
            "billing", new String[][] {
                    {"Rechnung falsch", "Doppelt abgebucht", "Frage zur Rechnung", "Zahlungsart ändern",
                            "Mehrwertsteuer"},
                    {"Auf meiner Rechnung für {order} steht ein falscher Betrag.",
                            "Mir wurde die Bestellung {order} zweimal abgebucht. Bitte prüfen Sie das.",
                            "Ich brauche eine Rechnung mit ausgewiesener Mehrwertsteuer für meine Firma.",
                            "Wie kann ich die Zahlungsart von Kreditkarte auf Rechnung ändern?",
                            "Die Lastschrift ist höher als der Bestellwert."},
                    {"Wrong invoice", "Charged twice", "Question about my invoice", "Change payment method", "VAT"},
                    {"The invoice for {order} shows the wrong amount.",
                            "I was charged twice for order {order}. Please check.",
                            "I need an invoice with VAT for my company.",
                            "How can I change my payment method from credit card to invoice?",
                            "The amount billed is higher than my order."}},
            "login", new String[][] {
                    {"Login geht nicht", "Passwort vergessen", "Konto gesperrt", "Anmeldung", "Zwei-Faktor"},
                    {"Ich kann mich seit gestern nicht mehr einloggen, das Passwort wird nicht akzeptiert.",
                            "Die Mail zum Zurücksetzen des Passworts kommt nicht an.",
                            "Mein Konto ist nach drei Versuchen gesperrt. Was kann ich tun?",
                            "Ich habe ein neues Handy und komme wegen 2FA nicht mehr in mein Konto.",
                            "Beim Anmelden erscheint nur eine leere Seite."},
                    {"Cannot log in", "Forgot password", "Account locked", "Sign in problem", "Two factor"},
                    {"I cannot log in since yesterday, my password is not accepted.",
                            "The password reset link never arrives.",
                            "My account is locked after three attempts. What can I do?",
                            "I have a new phone and cannot get past two factor authentication.",
                            "When I sign in I only see an empty page."}},
            "cancellation", new String[][] {
                    {"Kündigung Plus", "Abo beenden", "Bestellung stornieren", "Mitgliedschaft kündigen",
                            "Vertrag"},
                    {"Ich möchte meine Plus-Mitgliedschaft zum nächsten Monat kündigen.",
                            "Bitte stornieren Sie die Bestellung {order}, ich brauche sie nicht mehr.",
                            "Wie kann ich mein Abo beenden? Ich finde die Option nicht.",
                            "Bitte schließen Sie mein Kundenkonto.",
                            "Ich habe versehentlich zweimal bestellt, bitte eine Bestellung stornieren."},
                    {"Cancel Plus", "Cancel my subscription", "Cancel order", "Close my account", "Membership"},
                    {"I want to cancel my Plus membership from next month.",
                            "Please cancel order {order}, I do not need it anymore.",
                            "How do I cancel my subscription? I cannot find the option.",
                            "Please close my account.",
                            "I ordered twice by mistake, please cancel one of the orders."}},
            "product-question", new String[][] {
                    {"Frage zum {product}", "Größe?", "Wieder lieferbar?", "Produktfrage", "Passt das?"},
                    {"Ist der {product} wasserdicht?", "Welche Größe empfehlen Sie beim {product}?",
                            "Wann ist der {product} wieder verfügbar?",
                            "Ist der {product} kompatibel mit dem Zubehör vom Vorjahr?",
                            "Aus welchem Material ist der {product}?"},
                    {"Question about {product}", "Which size?", "Back in stock?", "Product question", "Does it fit?"},
                    {"Is the {product} waterproof?", "Which size of the {product} do you recommend?",
                            "When will the {product} be back in stock?",
                            "Is the {product} compatible with last year's accessories?",
                            "What material is the {product} made of?"}},
            "outage", new String[][] {
                    {"Shop nicht erreichbar", "Fehler 500", "App stürzt ab", "Störung", "Checkout geht nicht"},
                    {"Der Shop ist seit einer Stunde nicht erreichbar, ich bekomme nur Fehler 500.",
                            "Die App stürzt beim Öffnen sofort ab.",
                            "Beim Bezahlen kommt eine Fehlermeldung und nichts funktioniert.",
                            "Ist der Server gerade down? Die Seite lädt nicht.",
                            "Unsere Schnittstelle zu Ihrer API bekommt nur Timeouts."},
                    {"Shop is down", "Error 500", "App crashes", "Outage", "Checkout broken"},
                    {"The shop has been down for an hour, I only get error 500.",
                            "The app crashes as soon as I open it.",
                            "Checkout shows an error and nothing works.",
                            "Is the server down? The site is not loading.",
                            "Our integration with your API only gets timeouts."}},
            "data-protection", new String[][] {
                    {"Datenauskunft", "Daten löschen", "DSGVO Anfrage", "Datenschutz", "Auskunft Art. 15"},
                    {"Bitte senden Sie mir eine Auskunft über meine gespeicherten personenbezogenen Daten.",
                            "Ich möchte, dass Sie meine Daten löschen.",
                            "Gemäß DSGVO verlange ich Auskunft nach Artikel 15.",
                            "Wer hat Zugriff auf meine Daten?",
                            "Bitte löschen Sie mein Konto und alle Daten."},
                    {"Data request", "Delete my data", "GDPR request", "Privacy", "Article 15"},
                    {"Please send me a copy of the personal data you store about me.",
                            "I want you to delete my data.",
                            "Under GDPR I request access under article 15.",
                            "Who has access to my data?",
                            "Please erase my account and all data."}},
            "complaint-legal", new String[][] {
                    {"Beschwerde", "Letzte Aufforderung", "Anwalt", "Unverschämt", "Verbraucherzentrale"},
                    {"Das ist eine formelle Beschwerde. Ich werde rechtliche Schritte einleiten.",
                            "Ich habe meinen Anwalt eingeschaltet, wenn das Geld nicht bis Freitag da ist.",
                            "Ihr Service ist eine Frechheit, ich wende mich an die Verbraucherzentrale.",
                            "Dies ist meine letzte Aufforderung vor einem Mahnverfahren.",
                            "Skandal! Niemand antwortet mir."},
                    {"Complaint", "Final notice", "Lawyer", "Unacceptable", "Formal complaint"},
                    {"This is a formal complaint. I will take legal action.",
                            "My lawyer will contact you if the money is not here by Friday.",
                            "Your service is a disgrace, I am going to small claims court.",
                            "This is my final notice before legal action.",
                            "Outrageous! Nobody answers me."}});

    /** Vague openings that name no category: the classifier has to rely on what follows, or guess. */
    private static final String[] VAGUE_DE = {"Ich habe ein Problem mit meiner Bestellung {order}.",
            "Können Sie mir bitte helfen?", "Es geht um meinen Einkauf letzte Woche."};
    private static final String[] VAGUE_EN = {"I have a problem with my order {order}.", "Can you help me please?",
            "This is about my purchase last week."};

    /** {subject, body} for a customer message. */
    static String[] customer(String category, boolean german, Random random) {
        String[][] t = CUSTOMER.get(category);
        String[] subjects = german ? t[0] : t[2];
        String[] bodies = german ? t[1] : t[3];
        String body = bodies[random.nextInt(bodies.length)];
        int v = random.nextInt(100);
        if (v < 15) {
            String[] vague = german ? VAGUE_DE : VAGUE_EN;
            body = vague[random.nextInt(vague.length)] + " " + body;
        } else if (v < 20) {
            // two concerns in one message: the second one is another category's
            String other = CUSTOMER.keySet().stream().sorted().toList().get(random.nextInt(CUSTOMER.size()));
            String[] ob = german ? CUSTOMER.get(other)[1] : CUSTOMER.get(other)[3];
            body = body + " " + (german ? "Außerdem: " : "Also: ") + ob[random.nextInt(ob.length)];
        }
        String subject = random.nextInt(100) < 8 ? (german ? "Anfrage" : "Question") : subjects[random.nextInt(
                subjects.length)];
        return new String[] {subject, body};
    }

    /** category → {German sentence, German URL, English sentence, English URL} from the sample knowledge base. */
    private static final Map<String, String[]> KB = Map.of(
            "delivery", new String[] {"Die Lieferzeit beträgt in der Regel 2–4 Werktage; den Status sehen Sie in der"
                    + " Sendungsverfolgung.", "https://hilfe.nordwind-shop.example/de/sendungsverfolgung",
                    "Delivery usually takes 2–4 working days; you can follow the parcel with the tracking link.",
                    "https://help.nordwind-shop.example/en/tracking"},
            "returns", new String[] {"Sie können die Rücksendung in Ihrem Kundenkonto anmelden und das Etikett"
                    + " ausdrucken.", "https://hilfe.nordwind-shop.example/de/ruecksendung-anmelden",
                    "You can start the return in your account and print the label there.",
                    "https://help.nordwind-shop.example/en/start-a-return"},
            "refund", new String[] {"Nach Eingang der Retoure prüfen wir sie innerhalb von fünf Werktagen, danach"
                    + " erstatten wir den Betrag auf dem ursprünglichen Zahlungsweg.",
                    "https://hilfe.nordwind-shop.example/de/erstattung",
                    "Once your return reaches our warehouse it is checked within five working days, then the money"
                            + " goes back the way it was paid.", "https://help.nordwind-shop.example/en/refunds"},
            "billing", new String[] {"Ihre Rechnungen finden Sie im Kundenkonto; eine korrigierte Rechnung schicken"
                    + " wir Ihnen gern zu.", "https://hilfe.nordwind-shop.example/de/rechnung",
                    "You find your invoices in your account; we are happy to send a corrected invoice.",
                    "https://help.nordwind-shop.example/en/invoices"},
            "login", new String[] {"Über „Passwort vergessen“ erhalten Sie einen Link zum Zurücksetzen; prüfen Sie"
                    + " bitte auch den Spam-Ordner.", "https://hilfe.nordwind-shop.example/de/passwort-vergessen",
                    "Use \"Forgot password\" to get a reset link, and please check your spam folder.",
                    "https://help.nordwind-shop.example/en/reset-password"},
            "cancellation", new String[] {"Sie können Plus jederzeit zum Ende des Abrechnungszeitraums in Ihrem"
                    + " Kundenkonto kündigen.", "https://hilfe.nordwind-shop.example/de/plus-kuendigen",
                    "You can cancel Plus at any time to the end of the billing period in your account.",
                    "https://help.nordwind-shop.example/en/cancel-plus"},
            "outage", new String[] {"Wir haben eine Störung festgestellt und arbeiten an der Behebung; den aktuellen"
                    + " Stand finden Sie auf unserer Statusseite.", "https://hilfe.nordwind-shop.example/de/status",
                    "We are aware of a disruption and are working on it; the status page shows the latest.",
                    "https://help.nordwind-shop.example/en/status"},
            "data-protection", new String[] {"Ihre Datenauskunft erstellen wir innerhalb eines Monats.",
                    "https://hilfe.nordwind-shop.example/de/datenauskunft",
                    "We will send you a copy of your data within one month.",
                    "https://help.nordwind-shop.example/en/data-access"});

    /** The agent's first public reply; {@code followKb} makes it paraphrase and link the article. */
    static String agentReply(String category, boolean german, String name, boolean followKb, Random random) {
        String[] kb = KB.get(category);
        StringBuilder sb = new StringBuilder(german ? "Hallo " + name + ",\n\n" : "Hi " + name + ",\n\n");
        if (german) {
            sb.append("vielen Dank für Ihre Nachricht. ");
        } else {
            sb.append("thank you for your message. ");
        }
        if (followKb && kb != null) {
            sb.append(german ? kb[0] : kb[2]).append("\n\n").append(german ? "Mehr dazu: " : "More here: ")
                    .append(german ? kb[1] : kb[3]);
        } else {
            String[] own = german
                    ? new String[] {"Ich habe mir Ihren Fall angesehen und an die Kollegen weitergegeben.",
                    "Wir kümmern uns darum und melden uns in Kürze.",
                    "Könnten Sie uns bitte noch die Bestellnummer schicken?"}
                    : new String[] {"I have looked into your case and passed it on to my colleagues.",
                    "We are on it and will get back to you shortly.",
                    "Could you please send us your order number?"};
            sb.append(own[random.nextInt(own.length)]);
        }
        sb.append(german ? "\n\nViele Grüße\nIhr Nordwind-Team" : "\n\nBest regards\nThe Nordwind team");
        return sb.toString();
    }
}
