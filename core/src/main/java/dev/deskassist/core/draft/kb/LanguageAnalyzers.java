package dev.deskassist.core.draft.kb;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The Lucene analysis chain for each language the knowledge base holds. */
final class LanguageAnalyzers {

    /** Compound parts shorter than this are not split off; shorter pieces match by accident. */
    static final int MIN_SUBWORD = 4;
    static final int MIN_COMPOUND = 8;
    static final int MAX_SUBWORD = 24;

    private LanguageAnalyzers() {
    }

    /**
     * The analyzer for a language. For German, {@code compoundParts} (stems of the knowledge
     * base's own words) drives decompounding; it may be empty for the first pass that collects it.
     */
    static Analyzer forLanguage(String language, GermanStemming stemming, CharArraySet compoundParts) {
        return switch (language) {
            case "de" -> new German(stemming, compoundParts);
            case "en" -> new English();
            case "fr" -> new FrenchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /**
     * Lucene's English chain (possessives, lower case, Porter stemming) with the longer Snowball
     * stop list: Lucene's default list keeps "what", "you" and "can", which are no evidence of a topic.
     */
    static final class English extends Analyzer {
        private static final CharArraySet STOP = snowballStopSet("english_stop.txt");

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, STOP);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    static CharArraySet snowballStopSet(String resource) {
        try (Reader r = IOUtils.getDecodingReader(SnowballFilter.class, resource, StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(r));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene stop list " + resource + " missing", e);
        }
    }

    /**
     * Lower-casing, German stop words, umlaut/ß normalization, stemming, then dictionary-based
     * decompounding on the stems, so that "Rücksendeetikett" yields "rucksend" and "etikett"
     * just as "Etikett für die Rücksendung" does.
     */
    static final class German extends Analyzer {
        private static final CharArraySet STOP = GermanAnalyzer.getDefaultStopSet();
        private final GermanStemming stemming;
        private final CharArraySet parts;

        German(GermanStemming stemming, CharArraySet parts) {
            this.stemming = stemming;
            this.parts = parts;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            ts = new StopFilter(ts, STOP);
            ts = new GermanNormalizationFilter(ts);
            ts = stemming == GermanStemming.LIGHT ? new GermanLightStemFilter(ts) : new SnowballFilter(ts, "German2");
            if (!parts.isEmpty()) {
                ts = new DictionaryCompoundWordTokenFilter(ts, parts, MIN_COMPOUND, MIN_SUBWORD, MAX_SUBWORD, true);
            }
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new GermanNormalizationFilter(new LowerCaseFilter(in));
        }
    }
}
