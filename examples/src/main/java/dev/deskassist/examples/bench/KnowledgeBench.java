package dev.deskassist.examples.bench;

import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.examples.SampleKnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Knowledge-base benchmark: builds a 500-article knowledge base by multiplying and varying the
 * bundled sample, then measures load (parse) time, index time, single-thread retrieval of the
 * top 3 passages (short questions and a long ticket) and a whole offline draft. Run with
 * {@code java -cp deskassist.jar dev.deskassist.examples.bench.KnowledgeBench [articles] [seconds]}.
 */
public final class KnowledgeBench {

    private static final String[] QUERIES_DE = {
        "Wo bekomme ich den Rücksendeetikett?", "Wann kommt mein Geld nach der Retoure zurück?",
        "Passwort vergessen, Link kommt nicht an", "Wie lange dauert die Lieferung nach Österreich?",
        "Ich möchte mein Abo kündigen", "Auskunft über meine gespeicherten Daten nach DSGVO",
    };
    private static final String[] QUERIES_EN = {
        "Where do I get a return label?", "When will I get my refund?", "I forgot my password",
        "How long does delivery take?", "Cancel my membership please", "Send me a copy of my personal data",
    };

    private KnowledgeBench() {
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
        Map<String, String> sources = generate(articles);
        Clock clock = Clock.systemUTC();

        // warm-up: JIT the loader, analyzers and indexer once on the same input
        for (int i = 0; i < 3; i++) {
            LuceneKnowledgeRetriever.of(KnowledgeBaseLoader.withClock(clock).load(sources));
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.withClock(clock).load(sources);
        long t1 = System.nanoTime();
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.of(kb);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "knowledge base: %s%n", kb.report().summary());
        System.out.printf(Locale.ROOT, "passages indexed: %d%n", retriever.passageCount());
        System.out.printf(Locale.ROOT, "load (parse %d files): %.1f ms%n", sources.size(), (t1 - t0) / 1e6);
        System.out.printf(Locale.ROOT, "index (split + analyse + Lucene): %.1f ms%n", (t2 - t1) / 1e6);

        List<String[]> queries = new ArrayList<>();
        for (String q : QUERIES_DE) {
            queries.add(new String[] {q, "de"});
        }
        for (String q : QUERIES_EN) {
            queries.add(new String[] {q, "en"});
        }
        long sink = 0;
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            String[] q = queries.get(i % queries.size());
            sink += retriever.rank(q[0], q[1], List.of(), 3).passages().size();
        }
        List<Long> samples = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            String[] q = queries.get(n % queries.size());
            long s = System.nanoTime();
            sink += retriever.rank(q[0], q[1], List.of("returns"), 3).passages().size();
            samples.add(System.nanoTime() - s);
            n++;
        }
        double total = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Collections.sort(samples);
        System.out.printf(Locale.ROOT, "retrieval top 3, one thread: %.0f queries/s wall, %.0f queries per CPU-second,"
                        + " mean %.1f µs CPU, p50 %.1f µs wall, p99 %.1f µs wall (n=%d)%n",
                n / total, n / cpu, cpu / n * 1e6, samples.get(samples.size() / 2) / 1e3,
                samples.get((int) (samples.size() * 0.99)) / 1e3, n);
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f (wall figures suffer when it exceeds the"
                + " cores)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // a long, rambling ticket: the query is cut and only the rarest known words are searched
        String longTicket = ("Hallo, ich habe letzte Woche eine Jacke und Schuhe bestellt, die Lieferung kam spät, "
                + "die Rechnung fehlte, und jetzt möchte ich die Schuhe zurückschicken, finde aber den "
                + "Rücksendeetikett nicht. Mein Passwort musste ich auch zurücksetzen. ").repeat(20);
        long cpuLong = threads.getCurrentThreadCpuTime();
        int longRuns = 500;
        for (int i = 0; i < longRuns; i++) {
            sink += retriever.rank(longTicket, "de", List.of(), 3).passages().size();
        }
        System.out.printf(Locale.ROOT, "retrieval top 3 for a %,d-character ticket: mean %.1f µs CPU%n",
                longTicket.length(), (threads.getCurrentThreadCpuTime() - cpuLong) / 1e3 / longRuns);
        // a whole offline draft (retrieval, templates, guardrails, disclosure) for a short ticket
        Drafting drafting = OfflineDrafting.builder(retriever)
                .guardrails(PolicyGuardrails.builder(GuardrailPolicy.defaults()).citable(kb::isCitable).build())
                .categoriesNeedingOrderNumber(Set.of("returns", "refund", "delivery"))
                .build();
        Ticket ticket = Ticket.builder("bench").subject("Rücksendeetikett")
                .description("Guten Tag, wo bekomme ich den Rücksendeetikett für meine Jacke? Ich habe keinen Drucker.")
                .requester(Requester.of("Anna Berg", "anna@example.org")).build();
        StyleProfile sie = new StyleProfile(StyleProfile.Formality.FORMAL, StyleProfile.Address.FORMAL,
                StyleProfile.Expertise.BEGINNER, StyleProfile.Length.SHORT);
        TriageResult triage = new TriageResult(Decision.of("de", 0.95, "bench"), Decision.of(Sentiment.NEUTRAL, 0.8, "bench"),
                Decision.of(sie, 0.8, "bench"), List.of(), Decision.of("returns", 0.9, "bench"),
                Decision.of(Priority.NORMAL, 0.8, "bench"), Decision.none("bench", "none"), Decision.of(false, 0.9, "bench"));
        for (int i = 0; i < 20_000; i++) {
            sink += drafting.draft(ticket, triage).body().length();
        }
        long cpuDraft = threads.getCurrentThreadCpuTime();
        int drafts = 20_000;
        for (int i = 0; i < drafts; i++) {
            sink += drafting.draft(ticket, triage).body().length();
        }
        System.out.printf(Locale.ROOT, "offline draft (retrieval + templates + guardrails), short ticket: mean %.1f µs CPU%n",
                (threads.getCurrentThreadCpuTime() - cpuDraft) / 1e3 / drafts);
        if (sink == 42) {
            System.out.println();
        }
    }

    /**
     * The bundled sample multiplied to {@code target} articles: each copy gets a new id, a
     * product-line suffix in its title and a sentence about its product line, and its sections
     * in a shuffled order, so that the index sees varied but realistic text.
     */
    public static Map<String, String> generate(int target) {
        Map<String, String> base = SampleKnowledgeBase.bundledSources();
        Map<String, String> out = new LinkedHashMap<>();
        Random random = new Random(7);
        int copy = 0;
        while (out.size() < target) {
            for (Map.Entry<String, String> e : base.entrySet()) {
                if (out.size() >= target) {
                    break;
                }
                if (!e.getKey().endsWith(".md")) {
                    continue;
                }
                out.put("gen-" + copy + "/" + e.getKey(), vary(e.getValue(), copy, random));
            }
            copy++;
        }
        return out;
    }

    private static String vary(String md, int copy, Random random) {
        if (copy == 0) {
            return md;
        }
        int close = md.indexOf("\n---", 3);
        String front = md.substring(0, close)
                .replaceFirst("(?m)^id: (.*)$", "id: $1-v" + copy)
                .replaceFirst("(?m)^title: (.*)$", "title: $1 (Modell " + (copy * 37 % 1000) + ")");
        String body = md.substring(close + 4);
        List<String> sections = new ArrayList<>(Arrays.asList(body.split("(?m)^(?=# )")));
        Collections.shuffle(sections, random);
        return front + "\n---\n" + String.join("\n", sections)
                + "\n\nGilt auch für die Produktlinie Fjell-" + copy + " / also applies to the Fjell-" + copy + " range.\n";
    }
}
