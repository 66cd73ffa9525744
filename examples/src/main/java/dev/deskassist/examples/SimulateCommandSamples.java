package dev.deskassist.examples;

import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.util.List;

/** The simulation's sample tickets (101-104, German and English), shared with tests. */
public final class SimulateCommandSamples {

    private SimulateCommandSamples() {
    }

    public static void add(FakeZendesk fake) {
        fake.addTicket("101", "Rechnung doppelt abgebucht",
                "Hallo, mir wurde die Rechnung für März doppelt abgebucht. Bitte erstatten Sie den Betrag sofort, "
                        + "ich brauche das Geld.\n\nViele Grüße\nAnna Müller",
                "Anna Müller", "anna.mueller@example.de", "Müller Bau GmbH", List.of("kunde_premium"), List.of());
        fake.addTicket("102", "Cannot log in after password reset",
                "Hi, since resetting my password I cannot log in, the page says my account is locked. Can you help?"
                        + "\n\nThanks,\nTom",
                "Tom Baker", "tom@example.com", "Baker & Sons", List.of(), List.of());
        fake.addTicket("103", "Paket nicht angekommen",
                "Guten Tag, mein Paket ist seit einer Woche nicht da und die Sendungsverfolgung zeigt nichts. "
                        + "Ich bitte um Rückmeldung.",
                "Jonas Weber", "j.weber@example.de", "Weber KG", List.of(),
                List.of("Gibt es schon Neuigkeiten zu meiner Lieferung? Das Paket ist immer noch nicht da."));
        fake.addTicket("104", "API returns errors in production",
                "Our production integration returns error 500 on every order since 09:00. This is urgent!",
                "Priya Shah", "priya@example.com", "Shah Retail Ltd", List.of("enterprise"), List.of());
    }
}
