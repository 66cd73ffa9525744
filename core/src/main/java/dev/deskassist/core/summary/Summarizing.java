package dev.deskassist.core.summary;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;

/** Summarizes a ticket's whole conversation; the triage gives the language to write in. */
@FunctionalInterface
public interface Summarizing {

    Summary summarize(Ticket ticket, TriageResult triage);
}
