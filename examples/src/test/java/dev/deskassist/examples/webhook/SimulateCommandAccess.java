package dev.deskassist.examples.webhook;

/** The simulation's sample tickets, for tests. */
final class SimulateCommandAccess {

    private SimulateCommandAccess() {
    }

    static void addSampleTickets(FakeZendesk fake) {
        dev.deskassist.examples.SimulateCommandSamples.add(fake);
    }
}
