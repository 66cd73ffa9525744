package dev.deskassist.core.pipeline.internal;

import java.util.List;

/**
 * The layout of the embedded store, by version ({@code PRAGMA user_version}). Times are epoch
 * milliseconds. No table holds a webhook body or ticket text: events are ids and kinds, dead
 * letters ids, kinds and error codes, the ledger the ids and enum names we wrote.
 */
public final class SqliteSchema {

    /** The newest layout this code reads and writes. */
    public static final int VERSION = 1;

    private SqliteSchema() {
    }

    /** The statements that take an empty file to {@link #VERSION}. */
    public static List<String> create() {
        return List.of(
                // one row per accepted event; claim_token ties it to the run that took it
                """
                CREATE TABLE events (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  helpdesk TEXT NOT NULL,
                  ticket_id TEXT NOT NULL,
                  event_type TEXT NOT NULL,
                  delivery_id TEXT,
                  received_at INTEGER NOT NULL,
                  claim_token TEXT)""",
                "CREATE INDEX events_by_ticket ON events (helpdesk, ticket_id)",
                "CREATE INDEX events_by_claim ON events (claim_token)",
                // one row per ticket with pending events: its schedule and the live lease, if any
                """
                CREATE TABLE tickets (
                  helpdesk TEXT NOT NULL,
                  ticket_id TEXT NOT NULL,
                  due_at INTEGER NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  first_received INTEGER NOT NULL,
                  last_attempt INTEGER,
                  lease_token TEXT,
                  lease_until INTEGER,
                  PRIMARY KEY (helpdesk, ticket_id)) WITHOUT ROWID""",
                "CREATE INDEX tickets_by_due ON tickets (due_at)",
                """
                CREATE TABLE deliveries (
                  helpdesk TEXT NOT NULL,
                  delivery_id TEXT NOT NULL,
                  expires_at INTEGER NOT NULL,
                  PRIMARY KEY (helpdesk, delivery_id)) WITHOUT ROWID""",
                "CREATE INDEX deliveries_by_expiry ON deliveries (expires_at)",
                """
                CREATE TABLE dead_letters (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  helpdesk TEXT NOT NULL,
                  ticket_id TEXT NOT NULL,
                  event_type TEXT NOT NULL,
                  events INTEGER NOT NULL,
                  reason_kind TEXT NOT NULL,
                  reason_message TEXT NOT NULL,
                  attempts INTEGER NOT NULL,
                  first_received INTEGER NOT NULL,
                  last_attempt INTEGER NOT NULL,
                  dead_at INTEGER NOT NULL)""",
                "CREATE INDEX dead_letters_by_time ON dead_letters (dead_at)",
                """
                CREATE TABLE write_ledger (
                  helpdesk TEXT NOT NULL,
                  ticket_id TEXT NOT NULL,
                  write_key TEXT NOT NULL,
                  value TEXT NOT NULL,
                  written_at INTEGER NOT NULL,
                  PRIMARY KEY (helpdesk, ticket_id, write_key)) WITHOUT ROWID""",
                """
                CREATE TABLE watermarks (
                  helpdesk TEXT PRIMARY KEY,
                  at INTEGER NOT NULL) WITHOUT ROWID""");
    }
}
