package dev.deskassist.core.encoder;

import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.draft.RankedRetriever;
import dev.deskassist.core.draft.Retrieval;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hybrid knowledge retrieval: Lucene's BM25 ranking fused with a sentence encoder's ranking by
 * reciprocal rank fusion ({@code Σ 1 / (k + rank)}, Cormack et al. 2009), in the languages the
 * encoder serves (English by default; elsewhere the Lucene retriever answers alone, unchanged).
 *
 * <p><b>Confidence stays lexical.</b> The fused ranking may put another passage first, but whether
 * retrieval is <em>confident</em> is still Lucene's judgement of how much of the question the
 * knowledge base covers, so an off-topic question (which shares no informative word with any
 * article) never looks confident because some passage happens to be the nearest embedding; when
 * fusion changed the top article, it must also be close to the question in embedding space
 * ({@code minSimilarity}). Passage embeddings are computed once, at construction (a few
 * milliseconds per passage: seconds for a knowledge base of a thousand passages). Thread-safe.
 */
public final class HybridKnowledgeRetriever implements RankedRetriever {

    private final LuceneKnowledgeRetriever lexical;
    private final KnowledgeBase kb;
    private final SentenceEncoder encoder;
    private final Set<String> denseLanguages;
    private final int rrfK;
    private final int depth;
    private final double minSimilarity;
    private final Map<String, List<Passage>> passages = new HashMap<>();
    private final Map<String, float[][]> vectors = new HashMap<>();

    private HybridKnowledgeRetriever(Builder b, LuceneKnowledgeRetriever lexical, KnowledgeBase kb, SentenceEncoder encoder) {
        this.lexical = Objects.requireNonNull(lexical, "lexical");
        this.kb = Objects.requireNonNull(kb, "kb");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.denseLanguages = Set.copyOf(b.languages);
        this.rrfK = b.rrfK;
        this.depth = b.depth;
        this.minSimilarity = b.minSimilarity;
        for (String lang : lexical.languages()) {
            if (dense(lang)) {
                List<Passage> ps = lexical.passages(lang);
                float[][] v = new float[ps.size()][];
                for (int i = 0; i < v.length; i++) {
                    Passage p = ps.get(i);
                    String text = (p.title() == null ? "" : p.title() + ". ") + p.text();
                    v[i] = text.isBlank() ? new float[encoder.kind().dimension()] : encoder.encode(text);
                }
                passages.put(lang, ps);
                vectors.put(lang, v);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Retrieval rank(String query, String language, Collection<String> categories, int limit) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        float[][] vs = vectors.get(lang);
        if (vs == null || limit <= 0 || query == null || query.isBlank()) {
            return lexical.rank(query, language, categories, limit);
        }
        Retrieval bm25 = lexical.rank(query, language, categories, depth);
        List<Passage> ps = passages.get(lang);
        float[] q = encoder.encode(query);
        double[] sim = new double[vs.length];
        Integer[] order = new Integer[vs.length];
        for (int i = 0; i < vs.length; i++) {
            sim[i] = dot(q, vs[i]);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));

        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, Passage> byId = new HashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        for (int r = 0; r < bm25.passages().size(); r++) {
            Passage p = bm25.passages().get(r);
            fused.merge(p.id(), 1.0 / (rrfK + r + 1), Double::sum);
            byId.put(p.id(), p);
        }
        int dense = 0;
        for (int i = 0; i < order.length && dense < depth; i++) {
            Passage p = ps.get(order[i]);
            if (!kb.isCitable(p.articleId())) {
                continue; // expired since the index was built
            }
            fused.merge(p.id(), 1.0 / (rrfK + dense + 1), Double::sum);
            byId.putIfAbsent(p.id(), p);
            similarity.put(p.id(), sim[order[i]]);
            dense++;
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            out.add(byId.get(ranked.get(i).getKey()).withScore(ranked.get(i).getValue()));
        }
        if (out.isEmpty()) {
            return bm25;
        }
        List<String> reasons = new ArrayList<>(bm25.reasons());
        Passage top = out.get(0);
        String lexicalTop = bm25.best().map(Passage::articleId).orElse(null);
        double topSim = similarity.getOrDefault(top.id(), Double.NaN);
        boolean changed = !top.articleId().equals(lexicalTop);
        boolean confident = bm25.confident() && (!changed || topSim >= minSimilarity);
        reasons.add(String.format(Locale.ROOT, "fused with %s embeddings (reciprocal rank, k=%d)%s", encoder.kind().id(), rrfK,
                changed ? "; moved " + top.articleId() + " first (similarity " + fmt(topSim) + ")" : ""));
        if (bm25.confident() && !confident) {
            reasons.add("not confident: the fused top article is not close enough to the question ("
                    + fmt(topSim) + " < " + fmt(minSimilarity) + ")");
        }
        return new Retrieval(out, bm25.confidence(), confident, reasons);
    }

    private boolean dense(String lang) {
        return denseLanguages.contains("*") || denseLanguages.contains(lang);
    }

    @Override
    public Set<String> languages() {
        return lexical.languages();
    }

    /** The languages in which embeddings take part in the ranking. */
    public Set<String> denseLanguages() {
        return new TreeSet<>(vectors.keySet());
    }

    @Override
    public String toString() {
        return "HybridKnowledgeRetriever[" + encoder.kind().id() + ", dense in " + denseLanguages() + ", " + lexical + "]";
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Settings of {@link HybridKnowledgeRetriever}; every one has a default. */
    public static final class Builder {
        private Set<String> languages = Set.of("en");
        private int rrfK = 60;
        private int depth = 20;
        private double minSimilarity = 0.6;

        private Builder() {
        }

        /** Languages in which embeddings are fused in (default {@code en}; {@code *} for all). */
        public Builder languages(Set<String> v) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("name at least one language, or *");
            }
            Set<String> l = new TreeSet<>();
            v.forEach(x -> l.add(x.strip().toLowerCase(Locale.ROOT)));
            this.languages = l;
            return this;
        }

        /** The k of reciprocal rank fusion (default 60, as in the paper). */
        public Builder rrfK(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("rrfK must be at least 1");
            }
            this.rrfK = v;
            return this;
        }

        /** How many passages of each ranking are fused (default 20). */
        public Builder depth(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("depth must be at least 1");
            }
            this.depth = v;
            return this;
        }

        /** Cosine similarity the top passage needs when fusion changed the lexical top article (default 0.6). */
        public Builder minSimilarity(double v) {
            if (!(v >= -1 && v <= 1)) {
                throw new IllegalArgumentException("minSimilarity must be in [-1, 1]");
            }
            this.minSimilarity = v;
            return this;
        }

        public HybridKnowledgeRetriever build(LuceneKnowledgeRetriever lexical, KnowledgeBase kb, SentenceEncoder encoder) {
            return new HybridKnowledgeRetriever(this, lexical, kb, encoder);
        }
    }
}
