package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.summary.SummaryBudget;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-summaries --data tweetsumm-test.jsonl [--json]}: ROUGE-1, ROUGE-2 and ROUGE-L F1
 * of the extractive summarizer (its overview line, its full text and its compact parts) against the
 * human references of TweetSumm-style JSON lines ({@code turns_cleaned}, {@code abstractive_refs}),
 * beside Lead and "first customer turn + last agent turn" baselines computed in the same run;
 * best-of-references and mean-over-references.
 */
@Command(name = "evaluate-summaries", sortOptions = false,
        description = "ROUGE-1, ROUGE-2 and ROUGE-L F1 of the extractive summarizer against the human references of "
                + "TweetSumm-style JSON lines, beside Lead baselines computed in the same run.")
public final class EvaluateSummariesCommand implements Callable<Integer> {

    private static final Set<String> NOT_HANDLES = Set.of("hi", "hello", "hello,", "hey", "thanks", "thank", "we",
            "sorry", "please", "i", "im", "ok", "okay", "yes", "no", "the", "that", "this", "it", "you");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "TweetSumm JSON lines (turns_cleaned, abstractive_refs).")
    Path data;

    @Option(names = "--wants", paramLabel = "N", description = "Sentences for what the customer wants (default: ${DEFAULT-VALUE}).")
    int wants = 1;

    @Option(names = "--part-chars", paramLabel = "N", description = "Characters per summary part (default: the library's).")
    Integer partChars;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (!Files.isRegularFile(data)) {
            throw new UsageException("--data " + data + " is not a readable file");
        }
        ExtractiveSummarizer summarizer;
        try {
            summarizer = ExtractiveSummarizer.builder()
                    .budget(partChars == null ? SummaryBudget.DEFAULTS : SummaryBudget.DEFAULTS.withPartChars(partChars))
                    .wantsSentences(wants)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        List<Dialogue> dialogues = read(data);
        if (dialogues.isEmpty()) {
            throw new UsageException("--data " + data + " holds no dialogues");
        }
        TriageResult english = englishTriage();
        Map<String, Function<Dialogue, String>> systems = new LinkedHashMap<>();
        Map<Dialogue, Summary> summaries = new HashMap<>();
        int rounds = 30;
        Progress progress = Progress.start(spec.qualifiedName(), (long) dialogues.size() * (1 + 2 * rounds),
                spec.commandLine().getErr());
        long start = System.nanoTime();
        for (Dialogue d : dialogues) {
            summaries.put(d, summarizer.summarize(d.ticket(), english));
            progress.advance();
        }
        long summarizeMicros = (System.nanoTime() - start) / 1000;
        // after JIT warm-up, further passes over the same tickets measure steady-state speed on one thread
        List<Ticket> tickets = dialogues.stream().map(Dialogue::ticket).toList();
        for (int r = 0; r < rounds; r++) {
            for (Ticket t : tickets) {
                summarizer.summarize(t, english);
            }
            progress.update((long) dialogues.size() * (2 + r));
        }
        long warm = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Ticket t : tickets) {
                summarizer.summarize(t, english);
            }
            progress.update((long) dialogues.size() * (2 + rounds + r));
        }
        double warmMicrosPerSummary = (System.nanoTime() - warm) / 1000.0 / (rounds * tickets.size());
        systems.put("deskassist-overview", d -> summaries.get(d).overview());
        systems.put("deskassist-text", d -> summaries.get(d).asText());
        systems.put("deskassist-compact", d -> compact(summaries.get(d)));
        systems.put("lead-2", d -> lead(d, 2));
        systems.put("lead-3", d -> lead(d, 3));
        systems.put("first-customer+first-agent", EvaluateSummariesCommand::firstOfEach);
        systems.put("first-customer+last-agent", EvaluateSummariesCommand::firstCustomerLastAgent);

        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        systems.forEach((name, f) -> results.put(name, score(dialogues, f)));
        progress.close();

        long byHandle = dialogues.stream().filter(Dialogue::rolesByHandle).count();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", data.getFileName().toString());
            out.put("dialogues", dialogues.size());
            out.put("rolesByHandle", byHandle);
            out.put("multiReference", "max F1 over references per dialogue, mean over dialogues; *Mean keys: mean over references");
            out.put("tokenizer", "lower-case, split at non-letters/digits, no stemming");
            out.put("summarizeMicrosTotal", summarizeMicros);
            out.put("warmMicrosPerSummary", Math.round(warmMicrosPerSummary * 10) / 10.0);
            out.put("systems", results);
            w.println(JsonCodec.toJson(out));
            return 0;
        }
        w.printf(Locale.ROOT, "evaluate-summaries: %d dialogues from %s (roles by brand handle in %d, by alternation in %d)%n",
                dialogues.size(), data.getFileName(), byHandle, dialogues.size() - byHandle);
        w.println("ROUGE F1 x100: best of the references per dialogue, averaged over dialogues "
                + "(in brackets: mean over references). Tokens: lower-case letters/digits, no stemming.");
        w.printf(Locale.ROOT, "%-28s %15s %15s %15s %7s%n", "system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "words");
        results.forEach((name, r) -> w.printf(Locale.ROOT, "%-28s %6.2f [%6.2f] %6.2f [%6.2f] %6.2f [%6.2f] %7.1f%n",
                name, r.get("rouge1"), r.get("rouge1Mean"), r.get("rouge2"), r.get("rouge2Mean"), r.get("rougeL"),
                r.get("rougeLMean"), r.get("words")));
        w.printf(Locale.ROOT, "summarizer: %.1f ms for %d dialogues on the first (cold) pass; warm: %.1f µs per "
                + "summary (%.0f per second, one thread)%n", summarizeMicros / 1000.0, dialogues.size(),
                warmMicrosPerSummary, 1_000_000 / warmMicrosPerSummary);
        return 0;
    }

    /** What the customer wants, what was tried and the current state: the parts that retell the conversation. */
    static String compact(Summary s) {
        StringBuilder sb = new StringBuilder(s.customerWants());
        s.tried().forEach(t -> sb.append('\n').append(t));
        sb.append('\n').append(s.currentState());
        return sb.toString().strip();
    }

    private static String lead(Dialogue d, int n) {
        return String.join("\n", d.turns().subList(0, Math.min(n, d.turns().size())));
    }

    private static String firstOfEach(Dialogue d) {
        String agent = "";
        for (int i = 0; i < d.turns().size(); i++) {
            if (!d.customer().get(i)) {
                agent = d.turns().get(i);
                break;
            }
        }
        return (d.turns().get(0) + "\n" + agent).strip();
    }

    /** The customer's opening message and the agent's last message, verbatim: the usual extractive baseline. */
    private static String firstCustomerLastAgent(Dialogue d) {
        String agent = "";
        for (int i = d.turns().size() - 1; i >= 0; i--) {
            if (!d.customer().get(i)) {
                agent = d.turns().get(i);
                break;
            }
        }
        return (d.turns().get(0) + "\n" + agent).strip();
    }

    private static Map<String, Double> score(List<Dialogue> dialogues, Function<Dialogue, String> system) {
        double[] best = new double[3];
        double[] mean = new double[3];
        double words = 0;
        for (Dialogue d : dialogues) {
            String candidate = system.apply(d);
            words += Rouge.tokens(candidate).size();
            double[] max = new double[3];
            for (String ref : d.references()) {
                double[] f = {Rouge.rougeN(candidate, ref, 1).f1(), Rouge.rougeN(candidate, ref, 2).f1(),
                        Rouge.rougeL(candidate, ref).f1()};
                for (int k = 0; k < 3; k++) {
                    max[k] = Math.max(max[k], f[k]);
                    mean[k] += f[k] / d.references().size();
                }
            }
            for (int k = 0; k < 3; k++) {
                best[k] += max[k];
            }
        }
        int n = dialogues.size();
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("rouge1", pct(best[0] / n));
        r.put("rouge2", pct(best[1] / n));
        r.put("rougeL", pct(best[2] / n));
        r.put("rouge1Mean", pct(mean[0] / n));
        r.put("rouge2Mean", pct(mean[1] / n));
        r.put("rougeLMean", pct(mean[2] / n));
        r.put("words", Math.round(words / n * 10) / 10.0);
        return r;
    }

    private static double pct(double f) {
        return Math.round(f * 10_000) / 100.0;
    }

    private static TriageResult englishTriage() {
        String by = "dataset";
        return new TriageResult(Decision.of("en", 1.0, by, "TweetSumm is English"),
                Decision.of(Sentiment.NEUTRAL, 0.0, by), Decision.of(StyleProfile.UNKNOWN, 0.0, by), List.of(),
                Decision.none(by, "not triaged"), Decision.none(by, "not triaged"), Decision.none(by, "not triaged"),
                Decision.of(false, 0.0, by));
    }

    // ---- data --------------------------------------------------------------------------------

    /** One dialogue: turns without the leading brand handle, who wrote each, and the references. */
    record Dialogue(String id, List<String> turns, List<Boolean> customer, List<String> references,
                    boolean rolesByHandle) {

        Ticket ticket() {
            Ticket.Builder b = Ticket.builder(id).description(turns.get(0));
            for (int i = 1; i < turns.size(); i++) {
                b.addComment(Comment.of(customer.get(i) ? AuthorRole.CUSTOMER : AuthorRole.AGENT, turns.get(i)));
            }
            return b.build();
        }
    }

    static List<Dialogue> read(Path file) throws IOException {
        List<Dialogue> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader jr = jakarta.json.Json.createReader(new StringReader(line))) {
                    JsonObject o = jr.readObject();
                    List<String> turns = strings(o.getJsonArray("turns_cleaned"));
                    List<String> refs = strings(o.getJsonArray("abstractive_refs"));
                    if (turns.isEmpty() || refs.isEmpty()) {
                        throw new UsageException(file + " line " + no + ": needs turns_cleaned and abstractive_refs");
                    }
                    out.add(dialogue(o.getString("conversation_id", "line-" + no), turns, refs));
                } catch (JsonException | ClassCastException | NullPointerException e) {
                    throw new UsageException(file + " line " + no + ": not a TweetSumm JSON object");
                }
            }
        }
        return out;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.getValuesAs(JsonString.class).forEach(s -> out.add(s.getString()));
        }
        return out;
    }

    /**
     * Tells customer from agent turns. Customer tweets address the brand, so they start with its
     * handle ("AppleSupport ..."): the handle is the opening word of the first turn when a later
     * turn starts with it too, else a word of the first turn that starts later turns, else a
     * word (not a greeting) that starts at least two later turns. Without a handle the turns
     * alternate, customer first. The handle is removed from the text, like an @-mention.
     */
    static Dialogue dialogue(String id, List<String> raw, List<String> refs) {
        List<String> first = raw.stream().map(EvaluateSummariesCommand::firstWord).toList();
        Map<String, Integer> starts = new HashMap<>();
        for (int i = 1; i < raw.size(); i++) {
            starts.merge(first.get(i), 1, Integer::sum);
        }
        String handle = null;
        if (!first.get(0).isEmpty() && starts.containsKey(first.get(0))) {
            handle = first.get(0);
        } else {
            int bestCount = 0;
            Set<String> opening = Set.copyOf(List.of(raw.get(0).split("\\s+")));
            for (Map.Entry<String, Integer> e : starts.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                String w = e.getKey();
                // Twitter handles are letters, digits and '_' only
                boolean plausible = w.matches("\\w+") && !NOT_HANDLES.contains(w.toLowerCase(Locale.ROOT))
                        && (opening.contains(w) || e.getValue() >= 2);
                if (plausible && e.getValue() > bestCount) {
                    handle = w;
                    bestCount = e.getValue();
                }
            }
        }
        List<String> turns = new ArrayList<>();
        List<Boolean> customer = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            boolean c = handle == null ? i % 2 == 0 : i == 0 || first.get(i).equals(handle);
            String t = raw.get(i).strip();
            if (handle != null && first.get(i).equals(handle)) {
                t = t.substring(handle.length()).strip();
            }
            turns.add(t.isEmpty() ? raw.get(i) : t);
            customer.add(c);
        }
        return new Dialogue(id, turns, customer, List.copyOf(refs), handle != null);
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }
}
