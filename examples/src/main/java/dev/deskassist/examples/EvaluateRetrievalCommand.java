package dev.deskassist.examples;

import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.draft.Retrieval;
import dev.deskassist.core.draft.kb.GermanStemming;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.json.JsonCodec;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-retrieval}: runs a labeled set (ticket text → expected article id) through the
 * knowledge-base retriever and prints recall@1 and recall@3 per language and overall, plus how
 * often retrieval called itself confident and was right, and how off-topic questions (expected
 * id empty) were judged. Recall counts distinct articles in the order their passages rank.
 */
@Command(name = "evaluate-retrieval", sortOptions = false,
        description = "Recall@1 and recall@3 of knowledge-base retrieval on a labeled set (ticket text -> expected "
                + "article id), per language and overall, and how off-topic questions were judged.")
final class EvaluateRetrievalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge-base folder (default: the bundled sample's).")
    String kbFolder;

    @Option(names = "--set", paramLabel = "FILE",
            description = "Labeled set, JSON lines {lang, text, expected} (default: the bundled sample's).")
    Path set;

    @Option(names = "--german-stemming", paramLabel = "MODE",
            description = "German stemming: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    GermanStemming stemming = GermanStemming.SNOWBALL;

    @Option(names = "--misses", description = "Also list every question whose expected article did not rank first.")
    boolean misses;

    // encoder tier (issue 15): --encoder bge|minilm fuses embeddings in (EncoderRetrieval)
    @Option(names = "--encoder", paramLabel = "bge|minilm",
            description = "Hybrid retrieval: BM25 fused with this encoder's embeddings (needs deskassist-encoder.jar).")
    String encoder;

    @Option(names = "--encoder-languages", split = ",", paramLabel = "L",
            description = "With --encoder: languages fused with embeddings (default: en; * for all).")
    java.util.Set<String> encoderLanguages;

    @Option(names = "--rrf-k", paramLabel = "K", description = "With --encoder: the reciprocal rank fusion constant.")
    Integer rrfK;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        KnowledgeBase kb = SampleKnowledgeBase.load(Optional.ofNullable(kbFolder), Clock.systemDefaultZone());
        String setText = set != null
                ? Files.readString(set, StandardCharsets.UTF_8)
                : SampleKnowledgeBase.resource(SampleKnowledgeBase.ROOT + "retrieval-eval.jsonl");
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.builder().germanStemming(stemming).build(kb);
        dev.deskassist.core.draft.RankedRetriever ranked = EncoderRetrieval.wrap(encoder, encoderLanguages, rrfK, kb,
                retriever);

        Map<String, Tally> byLanguage = new TreeMap<>();
        Tally all = new Tally();
        Tally offTopic = new Tally();
        List<String> missed = new ArrayList<>();
        int lineNo = 0;
        String[] lines = setText.split("\n");
        Progress progress = Progress.start(spec.qualifiedName(), lines.length, spec.commandLine().getErr());
        for (String line : lines) {
            lineNo++;
            progress.advance();
            if (line.isBlank()) {
                continue;
            }
            JsonObject row;
            try (var r = jakarta.json.Json.createReader(new StringReader(line))) {
                row = r.readObject();
            } catch (RuntimeException e) {
                throw new UsageException("--set line " + lineNo + ": not a JSON object");
            }
            String lang = row.getString("lang", "");
            String text = row.getString("text", "");
            String expected = row.getString("expected", "");
            Retrieval result = ranked.rank(text, lang, List.of(), 10);
            List<String> articles = new ArrayList<>(distinctArticles(result.passages()));
            if (expected.isEmpty()) {
                offTopic.add(false, false, result.confident(), false);
                if (result.confident()) {
                    missed.add(String.format(Locale.ROOT, "line %d [%s] off-topic judged confident: %s (confidence %.2f) %s",
                            lineNo, lang, articles.get(0), result.confidence(), result.reasons()));
                }
                continue;
            }
            int rank = articles.indexOf(expected);
            boolean at1 = rank == 0;
            boolean at3 = rank >= 0 && rank < 3;
            byLanguage.computeIfAbsent(lang, l -> new Tally()).add(at1, at3, result.confident(), result.confident() && at1);
            all.add(at1, at3, result.confident(), result.confident() && at1);
            if (!at1) {
                missed.add(String.format(Locale.ROOT, "line %d [%s] expected %s, got %s (confidence %.2f)", lineNo, lang,
                        expected, articles.isEmpty() ? "nothing" : articles.subList(0, Math.min(3, articles.size())),
                        result.confidence()));
            }
        }

        progress.close();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kb", kb.report().summary());
            out.put("germanStemming", stemming.name().toLowerCase(Locale.ROOT));
            out.put("retriever", ranked.toString());
            Map<String, Object> langs = new LinkedHashMap<>();
            byLanguage.forEach((l, t) -> langs.put(l, t.json()));
            out.put("languages", langs);
            out.put("overall", all.json());
            out.put("offTopicQuestions", offTopic.n);
            out.put("offTopicJudgedConfident", offTopic.confident);
            w.println(JsonCodec.toJson(out));
            return 0;
        }
        w.println("knowledge base: " + kb.report().summary());
        w.println("German stemming: " + stemming.name().toLowerCase(Locale.ROOT));
        w.println("retriever: " + ranked);
        w.printf(Locale.ROOT, "%-8s %5s %9s %9s %11s %20s%n", "language", "n", "recall@1", "recall@3",
                "confident", "correct|confident");
        byLanguage.forEach((l, t) -> t.print(w, l));
        all.print(w, "overall");
        w.printf(Locale.ROOT, "off-topic questions: %d, judged confident: %d%n", offTopic.n, offTopic.confident);
        if (misses) {
            missed.forEach(w::println);
        }
        return 0;
    }

    private static Set<String> distinctArticles(List<Passage> passages) {
        Set<String> out = new LinkedHashSet<>();
        passages.forEach(p -> out.add(p.articleId()));
        return out;
    }

    /** Counts for one group of questions. */
    private static final class Tally {
        int n;
        int at1;
        int at3;
        int confident;
        int confidentCorrect;

        void add(boolean hit1, boolean hit3, boolean conf, boolean confCorrect) {
            n++;
            at1 += hit1 ? 1 : 0;
            at3 += hit3 ? 1 : 0;
            confident += conf ? 1 : 0;
            confidentCorrect += confCorrect ? 1 : 0;
        }

        double share(int k, int of) {
            return of == 0 ? 0 : (double) k / of;
        }

        void print(PrintWriter w, String label) {
            w.printf(Locale.ROOT, "%-8s %5d %9.3f %9.3f %11.3f %20.3f%n", label, n, share(at1, n), share(at3, n),
                    share(confident, n), share(confidentCorrect, confident));
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            m.put("recallAt1", share(at1, n));
            m.put("recallAt3", share(at3, n));
            m.put("confidentShare", share(confident, n));
            m.put("precisionAt1WhenConfident", share(confidentCorrect, confident));
            return m;
        }
    }
}
