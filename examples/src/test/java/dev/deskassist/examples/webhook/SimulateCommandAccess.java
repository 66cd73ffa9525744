package dev.deskassist.examples.webhook;

import dev.deskassist.zendesk.testkit.FakeZendesk;

/** The simulation's sample tickets, for tests. */
final class SimulateCommandAccess {

    private SimulateCommandAccess() {
    }

    static void addSampleTickets(FakeZendesk fake) {
        dev.deskassist.examples.SimulateCommandSamples.add(fake);
    }
}
