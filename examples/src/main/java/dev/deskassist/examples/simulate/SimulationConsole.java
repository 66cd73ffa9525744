package dev.deskassist.examples.simulate;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * The console lines every {@code simulate} helpdesk prints alike: one line per request sent, and
 * what DeskAssist decided for a ticket with the API calls that went out. Each simulation keeps its
 * own header and "applied" lines, which say different things per helpdesk.
 */
public final class SimulationConsole {

    private SimulationConsole() {
    }

    /**
     * Sends {@code request} and prints {@code what} (padded to {@code width}, so that a
     * simulation's lines line up), the response's status and body, and how long it took.
     */
    public static void send(HttpClient http, int width, String what, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.printf("  %-" + width + "s -> %d %s in %.1f ms%n", what, resp.statusCode(), resp.body(),
                (System.nanoTime() - start) / 1e6);
    }

    /** Prints the triage, summary and draft of {@code a}, then the API calls that wrote them back. */
    public static void printAssistance(Assistance a, List<FakeHelpdesk.Call> calls) {
        System.out.printf("   triage : category %s (%.0f%%), priority %s, language %s, group %s%n",
                a.triage().category().valueOr("none"), a.triage().category().confidence() * 100,
                a.triage().priority().value().name().toLowerCase(Locale.ROOT), a.triage().languageCode(),
                a.triage().group().valueOr("none"));
        a.summary().ifPresent(s -> System.out.println("   summary: " + s.customerWants() + " | next: " + s.nextStep()));
        a.draft().ifPresent(d -> System.out.println("   draft  : " + d.body().replace("\n\n", " / ").replace("\n", " ")));
        System.out.println("   API calls out:");
        for (FakeHelpdesk.Call c : calls) {
            System.out.printf("     %s %s -> %d%n", c.method(), c.path(), c.status());
            if (!c.body().isEmpty()) {
                System.out.println("       " + c.body());
            }
        }
    }
}
