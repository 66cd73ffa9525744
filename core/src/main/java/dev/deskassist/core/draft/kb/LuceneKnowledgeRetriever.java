package dev.deskassist.core.draft.kb;

import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.draft.RankedRetriever;
import dev.deskassist.core.draft.Retrieval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Passage retrieval over an in-memory Lucene index, one index per language with that language's
 * analysis (German: normalization, stemming and decompounding with a dictionary built from the
 * knowledge base's own vocabulary; English: Porter stemming; fr/es/it/nl/pt: Lucene's analyzers).
 * Ranking is BM25 over body and (boosted) title/section heading; passages of the preferred
 * categories get their score multiplied by {@code 1 + categoryBoost} (a preference, not a filter).
 *
 * <p><b>Confidence.</b> For the best passage, {@code coverage} is the IDF-weighted share of the
 * query's known terms (terms that occur anywhere in the language's knowledge base) that the
 * passage contains (words the knowledge base never uses count against it at half the rarest
 * word's IDF, the whole of a compound whose parts are known does not), and {@code evidence} the
 * IDF sum of the matched terms. Confidence is
 * {@code coverage × min(1, evidence / (minEvidence × maxIdf))}: a passage that matches most of what the
 * customer asked about, with at least about two informative words, scores near 1; a passage
 * that shares one common word scores low. Retrieval is <em>confident</em> when confidence
 * reaches {@code confidenceThreshold} (default 0.35).
 *
 * <p>Only citable articles (approved, not expired by the knowledge base's clock) are indexed,
 * and hits are checked again at query time so that an article that expires while the process
 * runs is never returned. Queries are cut to {@code maxQueryChars} characters and at most
 * {@value #MAX_ANALYZED_TERMS} distinct words; of the words the index knows, only the
 * {@code maxQueryTerms} rarest (highest IDF) go into the Lucene query, because each word costs a
 * term lookup and postings scan while the rare ones carry the topic. So a 1 MB ticket costs no
 * more than a long one. Immutable and thread-safe.
 */
public final class LuceneKnowledgeRetriever implements RankedRetriever {

    /** Distinct words of a query that are analysed at most (for coverage); see {@code maxQueryTerms}. */
    static final int MAX_ANALYZED_TERMS = 256;

    private static final String TITLE = "title";
    private static final String BODY = "body";

    private final Map<String, LanguageIndex> indexes;
    private final Set<String> languages;
    private final Builder config;
    private final Clock clock;

    private LuceneKnowledgeRetriever(KnowledgeBase kb, Builder b) {
        this.config = b.copy();
        this.clock = kb.clock();
        Map<String, List<Article>> byLanguage = new LinkedHashMap<>();
        for (Article a : kb.citable()) {
            byLanguage.computeIfAbsent(a.language(), l -> new ArrayList<>()).add(a);
        }
        Map<String, LanguageIndex> m = new HashMap<>();
        PassageSplitter splitter = new PassageSplitter(b.maxPassageChars);
        byLanguage.forEach((lang, articles) -> m.put(lang, LanguageIndex.build(lang, articles, splitter, config)));
        this.indexes = Map.copyOf(m);
        this.languages = Collections.unmodifiableSet(new TreeSet<>(m.keySet()));
    }

    /** A retriever with default settings. */
    public static LuceneKnowledgeRetriever of(KnowledgeBase kb) {
        return builder().build(kb);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Retrieval rank(String query, String language, Collection<String> categories, int limit) {
        if (limit <= 0) {
            return Retrieval.none("limit " + limit + " asks for nothing");
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        LanguageIndex idx = indexes.get(lang);
        if (idx == null) {
            return Retrieval.none("no approved article in language '" + lang + "'");
        }
        if (query == null || query.isBlank()) {
            return Retrieval.none("empty query");
        }
        String q = query.length() > config.maxQueryChars ? query.substring(0, config.maxQueryChars) : query;
        QueryTerms terms = analyzeQuery(idx.analyzer, q, MAX_ANALYZED_TERMS);
        if (terms.terms().isEmpty()) {
            return Retrieval.none("the query has no searchable words");
        }
        Set<String> preferred = new HashSet<>();
        if (categories != null) {
            categories.forEach(c -> preferred.add(c.toLowerCase(Locale.ROOT)));
        }
        return idx.search(terms, preferred, limit, LocalDate.now(clock), config);
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    /** Number of indexed passages, all languages together. */
    public int passageCount() {
        return indexes.values().stream().mapToInt(i -> i.passages.length).sum();
    }

    /**
     * The passages indexed for a language, in index order (empty for a language without articles);
     * for retrievers that rank the same passages another way, such as the encoder tier's hybrid.
     */
    public List<Passage> passages(String language) {
        LanguageIndex idx = indexes.get(language == null ? "" : language.toLowerCase(Locale.ROOT));
        return idx == null ? List.of() : List.of(idx.passages);
    }

    /** The query terms after this language's analysis (for debugging and tests). */
    public List<String> analyze(String text, String language) {
        LanguageIndex idx = indexes.get(language);
        return idx == null ? List.of() : idx.analyze(text, MAX_ANALYZED_TERMS);
    }

    @Override
    public String toString() {
        return "LuceneKnowledgeRetriever[languages=" + languages() + ", passages=" + passageCount() + "]";
    }

    /** Settings for {@link LuceneKnowledgeRetriever}; every one has a sensible default. */
    public static final class Builder {
        private float titleBoost = 2.0f;
        private double categoryBoost = 0.25;
        private double categoryAgreement = 0.25;
        private int maxPassageChars = 700;
        private int maxQueryChars = 1_000;
        private int maxQueryTerms = 12;
        private double minEvidence = 1.5;
        private double unknownTermWeight = 0.5;
        private double confidenceThreshold = 0.35;
        private GermanStemming germanStemming = GermanStemming.SNOWBALL;

        private Builder() {
        }

        /** Weight of a match in the article title or section heading against one in the body (default 2). */
        public Builder titleBoost(float v) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("titleBoost must be > 0");
            }
            titleBoost = v;
            return this;
        }

        /** Preferred categories' passages score {@code × (1 + v)} (default 0.25; 0 turns it off). */
        public Builder categoryBoost(double v) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("categoryBoost must be >= 0");
            }
            categoryBoost = v;
            return this;
        }

        /**
         * Added to the confidence when the best passage belongs to one of the preferred categories
         * (the ticket's category from triage); default 0.25, 0 turns it off.
         */
        public Builder categoryAgreement(double v) {
            if (v < 0 || v > 1 || Double.isNaN(v)) {
                throw new IllegalArgumentException("categoryAgreement must be in [0,1]");
            }
            categoryAgreement = v;
            return this;
        }

        /** Upper bound for a passage's length in characters (default 700). */
        public Builder maxPassageChars(int v) {
            maxPassageChars = v;
            return this;
        }

        /**
         * A query is cut to this many characters before analysis (default 1,000: the subject and
         * the opening of a ticket carry its topic, and German analysis with decompounding costs
         * about a microsecond per word).
         */
        public Builder maxQueryChars(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxQueryChars must be >= 1");
            }
            maxQueryChars = v;
            return this;
        }

        /**
         * At most this many known words of a query, the rarest first, are searched (default 12);
         * the cost of a query grows with this number, its recall rarely does beyond it.
         */
        public Builder maxQueryTerms(int v) {
            if (v < 1 || v > MAX_ANALYZED_TERMS) {
                throw new IllegalArgumentException("maxQueryTerms must be in 1.." + MAX_ANALYZED_TERMS);
            }
            maxQueryTerms = v;
            return this;
        }

        /**
         * IDF mass of matched terms, in multiples of the rarest word's IDF, at which confidence is
         * no longer damped (default 1.5: about two words that occur in only a few passages). Being
         * relative, it means the same for a ten-article and a thousand-article knowledge base.
         */
        public Builder minEvidence(double v) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("minEvidence must be > 0");
            }
            minEvidence = v;
            return this;
        }

        /**
         * Weight, as a share of the rarest word's IDF, with which a query word the knowledge base
         * never uses counts against coverage (default 0.5; 0 ignores unknown words).
         */
        public Builder unknownTermWeight(double v) {
            if (v < 0 || v > 1 || Double.isNaN(v)) {
                throw new IllegalArgumentException("unknownTermWeight must be in [0,1]");
            }
            unknownTermWeight = v;
            return this;
        }

        /** Confidence at or above which a retrieval counts as confident (default 0.35). */
        public Builder confidenceThreshold(double v) {
            if (v < 0 || v > 1 || Double.isNaN(v)) {
                throw new IllegalArgumentException("confidenceThreshold must be in [0,1]");
            }
            confidenceThreshold = v;
            return this;
        }

        public Builder germanStemming(GermanStemming v) {
            germanStemming = Objects.requireNonNull(v);
            return this;
        }

        /** Splits and indexes the citable articles of a knowledge base. */
        public LuceneKnowledgeRetriever build(KnowledgeBase kb) {
            return new LuceneKnowledgeRetriever(Objects.requireNonNull(kb, "kb"), this);
        }

        Builder copy() {
            Builder c = new Builder();
            c.titleBoost = titleBoost;
            c.categoryBoost = categoryBoost;
            c.categoryAgreement = categoryAgreement;
            c.maxPassageChars = maxPassageChars;
            c.maxQueryChars = maxQueryChars;
            c.maxQueryTerms = maxQueryTerms;
            c.minEvidence = minEvidence;
            c.unknownTermWeight = unknownTermWeight;
            c.confidenceThreshold = confidenceThreshold;
            c.germanStemming = germanStemming;
            return c;
        }
    }

    /** One language's index, its passages by document number and the term statistics for confidence. */
    private static final class LanguageIndex {
        final Analyzer analyzer;
        final IndexSearcher searcher;
        final Passage[] passages;
        final LocalDate[] validUntil;
        final Set<String>[] passageTerms;
        final Map<String, Double> idf;
        final double maxIdf;
        final Set<String> titleTerms;
        final Set<String> bodyTerms;
        /**
         * Term dictionary lookups of the terms queried so far, per field. The index never changes,
         * and looking a term up again on every query was a tenth of a full assist.
         */
        private final Map<String, TermStates> titleStates = new ConcurrentHashMap<>();
        private final Map<String, TermStates> bodyStates = new ConcurrentHashMap<>();

        private LanguageIndex(Analyzer analyzer, IndexSearcher searcher, Passage[] passages, LocalDate[] validUntil,
                              Set<String>[] passageTerms, Map<String, Double> idf, Set<String> titleTerms,
                              Set<String> bodyTerms) {
            this.titleTerms = titleTerms;
            this.bodyTerms = bodyTerms;
            this.maxIdf = idf.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
            this.analyzer = analyzer;
            this.searcher = searcher;
            this.passages = passages;
            this.validUntil = validUntil;
            this.passageTerms = passageTerms;
            this.idf = idf;
        }

        @SuppressWarnings("unchecked")
        static LanguageIndex build(String lang, List<Article> articles, PassageSplitter splitter, Builder cfg) {
            List<Passage> passages = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<LocalDate> until = new ArrayList<>();
            for (Article a : articles) {
                int n = 0;
                for (PassageSplitter.Chunk c : splitter.split(a.body())) {
                    n++;
                    passages.add(new Passage(a.id() + "#" + n, a.id(), a.title(), a.url(), a.language(),
                            a.categories(), c.text(), 0.0));
                    // the title field carries what the article is about: title, section heading, tags
                    titles.add(a.title() + "\n" + c.heading() + "\n" + String.join(", ", a.tags()));
                    until.add(a.validUntil());
                }
            }
            Analyzer analyzer = LanguageAnalyzers.forLanguage(lang, cfg.germanStemming, CharArraySet.EMPTY_SET);
            if (lang.equals("de")) {
                // Decompounding needs a dictionary of word parts; the knowledge base's own stems
                // are the parts that matter, since only they can ever match.
                CharArraySet parts = new CharArraySet(4096, false);
                for (int i = 0; i < passages.size(); i++) {
                    for (String t : terms(analyzer, titles.get(i) + "\n" + passages.get(i).text(), Integer.MAX_VALUE)) {
                        if (t.length() >= LanguageAnalyzers.MIN_SUBWORD && t.chars().allMatch(Character::isLetter)) {
                            parts.add(t);
                        }
                    }
                }
                analyzer.close();
                analyzer = LanguageAnalyzers.forLanguage(lang, cfg.germanStemming, parts);
            }
            Set<String>[] termSets = new Set[passages.size()];
            Set<String> titleVocabulary = new HashSet<>();
            Set<String> bodyVocabulary = new HashSet<>();
            Map<String, Integer> df = new HashMap<>();
            // one buffer per file: reads then slice a single array instead of walking a buffer list,
            // which is most of a query's cost on a small in-memory index
            ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
            // one segment in insertion order, so that a document number is the passage's position
            iwc.setMergePolicy(new LogDocMergePolicy());
            iwc.setRAMBufferSizeMB(256);
            try (IndexWriter w = new IndexWriter(dir, iwc)) {
                for (int i = 0; i < passages.size(); i++) {
                    Document d = new Document();
                    d.add(new TextField(TITLE, titles.get(i), Field.Store.NO));
                    d.add(new TextField(BODY, passages.get(i).text(), Field.Store.NO));
                    w.addDocument(d);
                    Set<String> ts = new HashSet<>(terms(analyzer, titles.get(i) + "\n" + passages.get(i).text(),
                            Integer.MAX_VALUE));
                    termSets[i] = Set.copyOf(ts);
                    titleVocabulary.addAll(terms(analyzer, titles.get(i), Integer.MAX_VALUE));
                    bodyVocabulary.addAll(terms(analyzer, passages.get(i).text(), Integer.MAX_VALUE));
                    ts.forEach(t -> df.merge(t, 1, Integer::sum));
                }
                w.forceMerge(1);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory index for '" + lang + "' failed", e);
            }
            DirectoryReader reader;
            try {
                reader = DirectoryReader.open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory index for '" + lang + "' cannot be opened", e);
            }
            if (reader.maxDoc() != passages.size() || reader.leaves().size() > 1) {
                throw new IllegalStateException("index layout for '" + lang + "' is not one segment in order");
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            int n = passages.size();
            Map<String, Double> idf = new HashMap<>();
            df.forEach((t, f) -> idf.put(t, Math.log(1 + (n - f + 0.5) / (f + 0.5))));
            return new LanguageIndex(analyzer, searcher, passages.toArray(new Passage[0]),
                    until.toArray(new LocalDate[0]), termSets, Map.copyOf(idf), Set.copyOf(titleVocabulary),
                    Set.copyOf(bodyVocabulary));
        }

        List<String> analyze(String text, int maxTerms) {
            return terms(analyzer, text, maxTerms);
        }

        Retrieval search(QueryTerms query, Set<String> preferred, int limit, LocalDate today, Builder cfg) {
            // words the index does not hold cannot match; leaving them out saves a dictionary
            // lookup per word, which is most of the cost of a long, noisy ticket
            List<String> searched = new ArrayList<>();
            for (String t : query.terms()) {
                if (idf.containsKey(t)) {
                    searched.add(t);
                }
            }
            if (searched.size() > cfg.maxQueryTerms) {
                searched.sort((a, b) -> Double.compare(idf.get(b), idf.get(a)));
                searched = searched.subList(0, cfg.maxQueryTerms);
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            int clauses = 0;
            for (String t : searched) {
                if (bodyTerms.contains(t)) {
                    q.add(termQuery(BODY, t, bodyStates), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
                if (titleTerms.contains(t)) {
                    q.add(new BoostQuery(termQuery(TITLE, t, titleStates), cfg.titleBoost), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
            if (clauses == 0) {
                return Retrieval.none("no passage shares a word with the question");
            }
            TopDocs top;
            int fetch = Math.max(limit * 4, 20);
            try {
                // count no more hits than needed, so that BM25 max-score pruning can skip the rest; one
                // segment searched on this thread needs no minimum score shared between collectors
                top = searcher.search(q.build(), new TopScoreDocCollectorManager(fetch, null, fetch, false));
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory search failed", e);
            }
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                LocalDate vu = validUntil[sd.doc];
                if (vu != null && vu.isBefore(today)) {
                    continue;
                }
                double score = sd.score;
                if (cfg.categoryBoost > 0 && !preferred.isEmpty()
                        && !Collections.disjoint(passages[sd.doc].categories(), preferred)) {
                    score *= 1 + cfg.categoryBoost;
                }
                hits.add(new Hit(sd.doc, score));
            }
            if (hits.isEmpty()) {
                return Retrieval.none("no passage shares a word with the question");
            }
            hits.sort((a, b) -> Double.compare(b.score, a.score));
            int k = Math.min(limit, hits.size());
            List<Passage> result = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                Hit h = hits.get(i);
                result.add(passages[h.doc].withScore(h.score));
            }
            return withConfidence(query, result, hits, preferred, cfg);
        }

        /** A term query that reuses the term's dictionary lookup (statistics and postings pointer). */
        private TermQuery termQuery(String field, String text, Map<String, TermStates> cache) {
            Term term = new Term(field, text);
            TermStates states = cache.computeIfAbsent(text, t -> {
                try {
                    return TermStates.build(searcher, term, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("in-memory term lookup failed", e);
                }
            });
            return new TermQuery(term, states);
        }

        private Retrieval withConfidence(QueryTerms query, List<Passage> result, List<Hit> all,
                                        Collection<String> preferred, Builder cfg) {
            Passage best = result.get(0);
            Set<String> bestTerms = passageTerms[all.get(0).doc];
            double known = 0;
            double matched = 0;
            List<String> matchedTerms = new ArrayList<>();
            for (String t : query.terms()) {
                Double w = idf.get(t);
                if (w == null) {
                    // a word the knowledge base never uses is something the best passage cannot
                    // answer; it counts against coverage, at part of the rarest word's weight
                    if (!query.decomposed().contains(t)) {
                        known += cfg.unknownTermWeight * maxIdf;
                    }
                    continue;
                }
                known += w;
                if (bestTerms.contains(t)) {
                    matched += w;
                    if (matchedTerms.size() < 8) {
                        matchedTerms.add(t);
                    }
                }
            }
            double coverage = known == 0 ? 0 : matched / known;
            double confidence = Math.max(0, Math.min(1, coverage * Math.min(1, matched / (cfg.minEvidence * maxIdf))));
            // a real ticket carries many words no article uses (product names, story); when the best
            // passage belongs to the category triage chose, that agreement is independent evidence
            boolean agrees = cfg.categoryAgreement > 0 && !preferred.isEmpty() && matched > 0
                    && !Collections.disjoint(best.categories(), preferred);
            if (agrees) {
                confidence = Math.min(1, confidence + cfg.categoryAgreement);
            }
            double margin = 1.0;
            for (Hit h : all) {
                if (!passages[h.doc].articleId().equals(best.articleId())) {
                    margin = (best.score() - h.score) / best.score();
                    break;
                }
            }
            boolean confident = confidence >= cfg.confidenceThreshold;
            // plain concatenation: String.format costs more than the search on a small index
            List<String> reasons = List.of(
                    "best passage " + best.id() + " (score " + round2(best.score()) + ") covers "
                            + Math.round(coverage * 100) + "% of the question's known terms",
                    "matched terms: " + String.join(", ", matchedTerms),
                    "lead over the next article: " + Math.round(margin * 100) + "%",
                    agrees ? "best passage is in the ticket's category (+" + round2(cfg.categoryAgreement) + ")"
                            : "best passage is not in the ticket's category",
                    "retrieval confidence " + round2(confidence) + (confident ? " >= " : " < ") + "threshold "
                            + round2(cfg.confidenceThreshold));
            return new Retrieval(result, confidence, confident, reasons);
        }

        private static String round2(double v) {
            return Double.toString(Math.round(v * 100) / 100.0);
        }

        /** A scored document number. */
        private record Hit(int doc, double score) {
        }
    }

    /** Distinct analysed terms of a text in order of appearance, at most {@code max}. */
    static List<String> terms(Analyzer analyzer, String text, int max) {
        return analyzeQuery(analyzer, text, max).terms();
    }

    /**
     * The analysed terms of a query, and those that were split into known parts by decompounding
     * (the whole compound is then no evidence of an unknown word).
     */
    record QueryTerms(List<String> terms, Set<String> decomposed) {
    }

    static QueryTerms analyzeQuery(Analyzer analyzer, String text, int max) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Set<String> decomposed = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            String previous = null;
            while (out.size() < max && ts.incrementToken()) {
                String t = term.toString();
                if (inc.getPositionIncrement() == 0 && previous != null) {
                    decomposed.add(previous);
                } else {
                    previous = t;
                }
                out.add(t);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return new QueryTerms(new ArrayList<>(out), decomposed);
    }
}
