package dev.deskassist.core.model;

/** Who wrote a message in a ticket thread; only customer turns drive triage. */
public enum AuthorRole {
    CUSTOMER,
    AGENT,
    SYSTEM
}
