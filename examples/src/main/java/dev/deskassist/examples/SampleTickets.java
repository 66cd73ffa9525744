package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the demo's sample tickets (the fictional "Nordwind Shop") from a JSON array into
 * {@link Ticket}s. Each element:
 *
 * <pre>{@code
 * {
 *   "id": "NW-1001",                          // required
 *   "subject": "...", "description": "...",   // plain text or HTML
 *   "channel": "email",                       // email, web, chat, phone ...
 *   "tags": ["webshop"],
 *   "priority": "normal",                     // optional current priority
 *   "requester": {"name": "...", "email": "...", "organization": "...", "segments": ["vip"]},
 *   "comments": [{"author": "customer|agent|system", "public": true, "body": "..."}],
 *   "priorContacts": 2,                       // optional, other recent tickets of the requester
 *   "slaDueInHours": 1,                       // optional, SLA due time relative to "now"
 *   "createdAt": "2024-05-03T08:15:00Z"       // optional
 * }
 * }</pre>
 *
 * Problems are reported as {@link SampleDataException} naming the ticket index and field.
 */
public final class SampleTickets {

    /** Class-path location of the sample directory. */
    public static final String SAMPLE_DIR = "/dev/deskassist/examples/sample/";

    private SampleTickets() {
    }

    /** The bundled sample tickets, SLA times measured from {@code now}. */
    public static List<Ticket> load(Instant now) {
        return read(resource("tickets.json"), "tickets.json", now);
    }

    /** A bundled sample resource ({@code taxonomy.json}, {@code priority-policy.json}, {@code training.jsonl} ...). */
    public static InputStream resource(String name) {
        InputStream in = SampleTickets.class.getResourceAsStream(SAMPLE_DIR + name);
        if (in == null) {
            throw new SampleDataException(name + ": sample resource not found on the class path");
        }
        return in;
    }

    /** Reads tickets from {@code in}; {@code source} names it in error messages. */
    public static List<Ticket> read(InputStream in, String source, Instant now) {
        String json;
        try (in) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read", e);
        }
        Object root;
        try {
            root = JsonCodec.fromJson(json, Object.class);
        } catch (JsonException e) {
            throw new SampleDataException(source + ": " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> list)) {
            throw new SampleDataException(source + ": expected a JSON array of tickets");
        }
        List<Ticket> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": [" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new SampleDataException(where + ": expected an object");
            }
            out.add(ticket(m, where, now));
        }
        return out;
    }

    private static Ticket ticket(Map<?, ?> m, String where, Instant now) {
        String id = string(m, "id", where, true);
        Ticket.Builder b = Ticket.builder(id)
                .subject(string(m, "subject", where, false))
                .description(MessageText.parse(string(m, "description", where, false)))
                .channel(string(m, "channel", where, false));
        strings(m, "tags", where).forEach(b::tag);
        String priority = string(m, "priority", where, false);
        if (priority != null) {
            b.priority(Priority.parse(priority).orElseThrow(
                    () -> new SampleDataException(where + ".priority: expected low, normal, high or urgent")));
        }
        Object r = m.get("requester");
        if (r != null) {
            if (!(r instanceof Map<?, ?> rm)) {
                throw new SampleDataException(where + ".requester: expected an object");
            }
            String rw = where + ".requester";
            b.requester(new Requester(null, string(rm, "name", rw, false), string(rm, "email", rw, false),
                    string(rm, "organization", rw, false), new LinkedHashSet<>(strings(rm, "segments", rw))));
        }
        Object cs = m.get("comments");
        if (cs != null) {
            if (!(cs instanceof List<?> cl)) {
                throw new SampleDataException(where + ".comments: expected an array");
            }
            for (int k = 0; k < cl.size(); k++) {
                String cw = where + ".comments[" + k + "]";
                if (!(cl.get(k) instanceof Map<?, ?> cm)) {
                    throw new SampleDataException(cw + ": expected an object");
                }
                AuthorRole role;
                try {
                    role = AuthorRole.valueOf(string(cm, "author", cw, true).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new SampleDataException(cw + ".author: expected customer, agent or system");
                }
                boolean isPublic = !Boolean.FALSE.equals(cm.get("public"));
                b.addComment(new Comment(null, role, null, isPublic, null,
                        MessageText.parse(string(cm, "body", cw, true))));
            }
        }
        b.priorContacts((int) number(m, "priorContacts", where, 0));
        if (m.get("slaDueInHours") != null) {
            double hours = number(m, "slaDueInHours", where, 0);
            b.slaDueAt(now.plus(Duration.ofMinutes(Math.round(hours * 60))));
        }
        String created = string(m, "createdAt", where, false);
        if (created != null) {
            try {
                b.createdAt(Instant.parse(created));
            } catch (DateTimeParseException e) {
                throw new SampleDataException(where + ".createdAt: expected an ISO instant such as 2024-05-03T08:15:00Z");
            }
        }
        return b.build();
    }

    private static String string(Map<?, ?> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                throw new SampleDataException(where + "." + key + ": missing");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new SampleDataException(where + "." + key + ": expected a string");
        }
        return s;
    }

    private static double number(Map<?, ?> m, String key, String where, double fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof BigDecimal d && d.signum() >= 0) {
            return d.doubleValue();
        }
        if (v instanceof Number n && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw new SampleDataException(where + "." + key + ": expected a number >= 0");
    }

    private static List<String> strings(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw new SampleDataException(where + "." + key + ": expected an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        l.forEach(x -> out.add((String) x));
        return List.copyOf(out);
    }
}
