package dev.deskassist.core.backtest;

import java.util.Locale;
import java.util.Optional;

/** The shapes of historical ticket exports a backtest reads. */
public enum ExportFormat {
    /** A Zendesk ticket list or (incremental) export page: {@code {"tickets":[…]}} or a bare array. */
    ZENDESK("zendesk"),
    /** One Zendesk ticket per line, each with its {@code comments} array (the account JSON export). */
    ZENDESK_NDJSON("zendesk-ndjson"),
    /** A Freshdesk v2 list-tickets body (an array), optionally with embedded {@code conversations}. */
    FRESHDESK("freshdesk"),
    /** A ServiceNow Table API list body, {@code {"result":[…]}}. */
    SERVICENOW("servicenow"),
    /** A CSV file with a header row, its columns named by the mapping. */
    CSV("csv");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line and in mapping files. */
    public String id() {
        return id;
    }

    /** Parses {@code zendesk}, {@code zendesk-ndjson}, {@code freshdesk}, {@code servicenow} or {@code csv}. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ExportFormat f : values()) {
            if (f.id.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
