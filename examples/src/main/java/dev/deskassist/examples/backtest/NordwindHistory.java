package dev.deskassist.examples.backtest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a multi-month ticket history for the Nordwind sample as a Zendesk JSON export (one
 * ticket per line with its comments): German and English customers (a few mixing both), the
 * category the agents chose in custom field {@value #CATEGORY_FIELD}, their group, priority and
 * an {@code escalated} tag, and the agent's first public reply, which follows the knowledge base
 * (and links the article) about half the time. The agents are human: some tickets are mislabelled,
 * some left without a category, some reassigned to another group. The export itself is imperfect
 * the way real ones are: a few duplicated ids, lines out of time order, tickets without text.
 * Deterministic for a seed.
 */
public final class NordwindHistory {

    /** The Zendesk custom field holding the agents' category. */
    public static final long CATEGORY_FIELD = 360001L;

    /** The mapping that reads this export ({@code backtest --mapping}). */
    public static final String MAPPING = """
            {
              "category": "field:360001",
              "group": "field:group_id",
              "groupValues": {"1101": "Billing", "1102": "Logistics", "1103": "Tech Support", "1104": "Retention",
                              "1105": "Customer Care", "1106": "Legal & Privacy"},
              "priority": "field:priority",
              "escalation": "tag:escalated"
            }
            """;

    private static final Map<String, String> GROUP_IDS = Map.of("Billing", "1101", "Logistics", "1102",
            "Tech Support", "1103", "Retention", "1104", "Customer Care", "1105", "Legal & Privacy", "1106");

    /** id, group, share of traffic (per mille). */
    private static final String[][] CATEGORIES = {
            {"delivery", "Logistics", "220"}, {"returns", "Logistics", "160"}, {"refund", "Billing", "130"},
            {"billing", "Billing", "120"}, {"login", "Tech Support", "120"}, {"cancellation", "Retention", "80"},
            {"product-question", "Customer Care", "80"}, {"outage", "Tech Support", "50"},
            {"data-protection", "Legal & Privacy", "25"}, {"complaint-legal", "Legal & Privacy", "15"}};

    private static final String[] PRODUCTS = {"Fjord rain jacket", "Skagen backpack", "Lofoten boots",
            "Bergen wool sweater", "Tromsø thermos", "Nordkap tent", "Aurora headlamp", "Hygge blanket"};
    private static final String[] NAMES = {"Katrin", "Tom", "Jonas", "Mia", "Lena", "Paul", "Sara", "Felix",
            "Anna", "Ben", "Laura", "Tim", "Julia", "David", "Emma", "Lukas"};

    private final Random random;
    private final int tickets;
    private final Instant start;
    private final Duration span;

    private NordwindHistory(long seed, int tickets, Instant start, Duration span) {
        this.random = new Random(seed);
        this.tickets = tickets;
        this.start = start;
        this.span = span;
    }

    /** {@code tickets} tickets over six months from January 2024. */
    public static NordwindHistory of(long seed, int tickets) {
        return new NordwindHistory(seed, tickets, Instant.parse("2024-01-02T07:00:00Z"), Duration.ofDays(181));
    }

    /** Writes the export, one JSON object per line. */
    public void write(Writer out) throws IOException {
        long stepSeconds = span.toSeconds() / Math.max(1, tickets);
        List<String> pending = new ArrayList<>();
        String lastLine = null;
        for (int i = 0; i < tickets; i++) {
            Instant created = start.plusSeconds(i * stepSeconds + random.nextInt((int) Math.max(1, stepSeconds)));
            String line = ticket(10_001 + i, created);
            // an export is ordered by update time, not creation: some lines arrive late
            if (random.nextInt(100) < 2) {
                pending.add(line);
                continue;
            }
            out.write(line);
            out.write('\n');
            if (!pending.isEmpty() && random.nextInt(3) == 0) {
                for (String p : pending) {
                    out.write(p);
                    out.write('\n');
                }
                pending.clear();
            }
            // an incremental export lists a ticket again after a later update
            if (lastLine != null && random.nextInt(100) == 0) {
                out.write(lastLine);
                out.write('\n');
            }
            lastLine = line;
        }
        for (String p : pending) {
            out.write(p);
            out.write('\n');
        }
    }

    private String ticket(long id, Instant created) {
        String[] cat = pickCategory();
        String category = cat[0];
        boolean german = random.nextInt(100) < 58;
        boolean mixed = random.nextInt(100) < 4;
        boolean angry = random.nextInt(100) < 12;
        String name = NAMES[random.nextInt(NAMES.length)];
        String order = "A-" + (10_000 + random.nextInt(90_000));
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];

        String subject;
        String body;
        if (random.nextInt(1000) < 4) {
            subject = "";
            body = "";
        } else {
            String[] t = Texts.customer(category, german, random);
            subject = fill(t[0], order, product);
            body = (german ? pick("Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Moin,")
                    : pick("Hello,", "Hi there,", "Dear Nordwind team,", "Hi,")) + "\n\n" + fill(t[1], order, product);
            if (mixed) {
                body += "\n\n" + (german ? "Sorry, my German is not good, I hope you understand."
                        : "Ich schreibe auf Englisch, hoffe das ist okay.");
            }
            if (angry) {
                body += "\n\n" + (german ? pick("Das ist wirklich ärgerlich!", "Ich bin sehr enttäuscht.",
                        "Ich warte jetzt schon viel zu lange!!") : pick("This is really frustrating!",
                        "I am very disappointed.", "I have waited far too long!!"));
            }
            body += "\n\n" + (german ? "Viele Grüße\n" : "Best regards,\n") + name;
        }

        // what the agents decided, with the noise of real work
        String humanCategory = category;
        int noise = random.nextInt(100);
        if (noise < 3) {
            humanCategory = CATEGORIES[random.nextInt(CATEGORIES.length)][0];
        } else if (noise < 7) {
            humanCategory = null;
        }
        String group = cat[1];
        if (random.nextInt(100) < 7) {
            group = CATEGORIES[random.nextInt(CATEGORIES.length)][1];
        }
        String priority = priority(category, angry);
        boolean escalated = switch (category) {
            case "complaint-legal" -> random.nextInt(100) < 85;
            case "data-protection" -> random.nextInt(100) < 30;
            case "outage" -> random.nextInt(100) < 25;
            default -> angry ? random.nextInt(100) < 25 : random.nextInt(100) < 2;
        };

        JsonArrayBuilder tags = Json.createArrayBuilder().add("webshop");
        if (escalated) {
            tags.add("escalated");
        }
        if (random.nextInt(100) < 10) {
            tags.add("vip");
        }
        long requester = 500_000 + random.nextInt(400_000);
        long agent = 900 + random.nextInt(12);
        JsonArrayBuilder comments = Json.createArrayBuilder();
        comments.add(comment(1, requester, true, body, created));
        Instant at = created.plusSeconds(600 + random.nextInt(36_000));
        if (random.nextInt(100) < 15) {
            comments.add(comment(2, agent, false, german ? "Intern: bitte im Lager nachfragen."
                    : "Internal: check with the warehouse.", at));
            at = at.plusSeconds(300);
        }
        if (random.nextInt(100) < 80) {
            comments.add(comment(3, agent, true, Texts.agentReply(category, german, name, random.nextInt(100) < 55,
                    random), at));
        }
        JsonObjectBuilder cf = Json.createObjectBuilder().add("id", CATEGORY_FIELD);
        if (humanCategory == null) {
            cf.addNull("value");
        } else {
            cf.add("value", humanCategory);
        }
        return Json.createObjectBuilder()
                .add("id", id)
                .add("created_at", created.toString())
                .add("updated_at", at.toString())
                .add("subject", subject)
                .add("description", body)
                .add("status", "solved")
                .add("priority", priority)
                .add("requester_id", requester)
                .add("assignee_id", agent)
                .add("group_id", Long.parseLong(GROUP_IDS.get(group)))
                .add("tags", tags)
                .add("via", Json.createObjectBuilder().add("channel", random.nextInt(3) == 0 ? "web" : "email"))
                .add("custom_fields", Json.createArrayBuilder().add(cf))
                .add("comments", comments)
                .build().toString();
    }

    private String priority(String category, boolean angry) {
        int r = random.nextInt(100);
        if (category.equals("outage")) {
            return r < 45 ? "urgent" : "high";
        }
        if (category.equals("complaint-legal") || angry) {
            return r < 60 ? "high" : r < 70 ? "urgent" : "normal";
        }
        return r < 78 ? "normal" : r < 93 ? "low" : "high";
    }

    private static JsonObjectBuilder comment(long id, long author, boolean isPublic, String body, Instant at) {
        return Json.createObjectBuilder().add("id", id).add("type", "Comment").add("author_id", author)
                .add("public", isPublic).add("body", body).add("created_at", at.toString());
    }

    private String[] pickCategory() {
        int r = random.nextInt(1000);
        int acc = 0;
        for (String[] c : CATEGORIES) {
            acc += Integer.parseInt(c[2]);
            if (r < acc) {
                return c;
            }
        }
        return CATEGORIES[0];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String fill(String s, String order, String product) {
        return s.replace("{order}", order).replace("{product}", product);
    }
}
