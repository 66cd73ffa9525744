package dev.deskassist.core.triage.entity;

import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityExtractor;
import dev.deskassist.core.triage.EntityType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds e-mail addresses, URLs, phone numbers, IBANs (mod-97 checked), card numbers (Luhn
 * checked), the team's order / invoice / tracking / customer numbers ({@link EntityPatterns}),
 * amounts with a currency and dates (normalized to ISO 8601 where the text allows it).
 *
 * <p>One pass over the text finds where words and numbers start; only there, and only when the
 * next few characters make a match possible, are the precompiled patterns tried anchored
 * ({@code lookingAt}). The patterns use bounded quantifiers and no nested repetition, so a
 * megabyte of text stays linear (about 70 ms) and a 100-character ticket costs a few microseconds.
 * Where candidates overlap the more specific kind wins: URL, e-mail, IBAN, the team's patterns,
 * card, date, amount, phone. Thread-safe.
 */
public final class PatternEntityExtractor implements EntityExtractor {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'\\u00A0]{2,2048}");

    private static final Pattern IBAN = Pattern.compile(
            "\\b[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\\b");

    private static final Pattern CARD = Pattern.compile("(?<![\\d.,])[2-6](?:[ -]?\\d){12,18}(?!\\d)");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    private static final Pattern DOTTED_DATE = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern SLASH_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH_ALT = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"));
    private static final Pattern DAY_MONTH_DATE = Pattern.compile("(?iu)(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s{0,2}(?:of\\s)?("
            + MONTH_ALT + ")\\.?(?:,?\\s{1,2}(\\d{4}))?(?![\\p{L}\\d])");
    private static final Pattern MONTH_DAY_DATE = Pattern.compile("(?iu)\\b(" + MONTH_ALT
            + ")\\.?\\s{1,2}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,2}(\\d{4})(?!\\d)");

    private static final String NUMBER = "(?:\\d{1,3}(?:[.,'’]\\d{3}){1,4}|\\d{1,9})(?:[.,]\\d{1,2})?";
    private static final Pattern AMOUNT_PREFIX = Pattern.compile("(?iu)(?<![\\p{L}\\d])(€|EUR|USD|US\\$|\\$|£|GBP|CHF|Fr\\.)\\s?("
            + NUMBER + ")(?![\\d.,]\\d)");
    private static final Pattern AMOUNT_SUFFIX = Pattern.compile("(?iu)(?<![\\d.,])(" + NUMBER
            + ")\\s?(€|EUR|Euros?|USD|Dollars?|\\$|£|GBP|CHF|Franken)(?![\\p{L}\\d])");

    private static final Pattern PHONE_INTL = Pattern.compile("(?<![\\w+])(?:\\+|00)[1-9][\\d ./()-]{6,22}\\d(?!\\d)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile("(?<![\\w+/.,-])\\(?0[1-9][\\d ./()-]{5,18}\\d(?!\\d)");
    private static final Pattern PHONE_US = Pattern.compile(
            "(?<![\\w+/.,-])(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])\\d{3}[-. ]\\d{4}(?!\\d)");

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}");

    private static final int MAX_EMAIL_LOCAL = 64;
    private static final int MAX_EMAIL_DOMAIN = 255;

    private final EntityPatterns custom;
    private final List<EntityPatterns.Named> triggered;
    private final long[] triggerTable;

    /** An extractor with {@link EntityPatterns#defaults()}. */
    public PatternEntityExtractor() {
        this(EntityPatterns.defaults());
    }

    public PatternEntityExtractor(EntityPatterns custom) {
        this.custom = Objects.requireNonNull(custom, "custom");
        this.triggered = custom.patterns().stream().filter(p -> !p.scansWholeText()).toList();
        // which triggered patterns may start at a given pair of first characters, looked up in O(1)
        this.triggerTable = new long[SYMBOLS * SYMBOLS];
        for (int k = 0; k < Math.min(64, triggered.size()); k++) {
            for (String st : triggered.get(k).starts()) {
                int a = symbol(st.charAt(0));
                for (int b = 0; b < SYMBOLS; b++) {
                    if (st.length() == 1 || symbol(st.charAt(1)) == b) {
                        triggerTable[a * SYMBOLS + b] |= 1L << k;
                    }
                }
            }
        }
    }

    private static final int SYMBOLS = 37;

    /** a-z and 0-9 (any case) to 0..35, everything else to 36. */
    private static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return 36;
    }

    @Override
    public List<Entity> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Scan scan = new Scan(text);
        if (text.indexOf("://") >= 0 || text.indexOf("www.") >= 0 || text.indexOf("WWW.") >= 0) {
            urls(text, scan.found);
        }
        if (text.indexOf('@') >= 0) {
            emails(text, scan.found);
        }
        for (EntityPatterns.Named named : custom.patterns()) {
            if (named.scansWholeText()) {
                Matcher m = named.pattern().matcher(text);
                while (m.find()) {
                    addCustom(text, named, m, scan.found);
                }
            }
        }
        scan.run();
        return resolve(text, scan.found);
    }

    /**
     * One pass over the text that tries the anchored patterns only where a word or number starts
     * and its first characters make a match possible; matchers are created once per call, lazily.
     */
    private final class Scan {
        private static final int IBAN_M = 0;
        private static final int CARD_M = 1;
        private static final int ISO_M = 2;
        private static final int DOTTED_M = 3;
        private static final int SLASH_M = 4;
        private static final int DAY_MONTH_M = 5;
        private static final int MONTH_DAY_M = 6;
        private static final int AMOUNT_PRE_M = 7;
        private static final int AMOUNT_SUF_M = 8;
        private static final int PHONE_INTL_M = 9;
        private static final int PHONE_NAT_M = 10;
        private static final int PHONE_US_M = 11;
        private static final Pattern[] PATTERNS = {IBAN, CARD, ISO_DATE, DOTTED_DATE, SLASH_DATE, DAY_MONTH_DATE,
            MONTH_DAY_DATE, AMOUNT_PREFIX, AMOUNT_SUFFIX, PHONE_INTL, PHONE_NATIONAL, PHONE_US};

        final String text;
        final int n;
        final List<Candidate> found = new ArrayList<>();
        private final Matcher[] matchers = new Matcher[PATTERNS.length];
        private Matcher[] customMatchers;

        Scan(String text) {
            this.text = text;
            this.n = text.length();
        }

        /** The pattern's matcher positioned to match exactly at {@code i}, or {@code null}. */
        private Matcher at(int which, int i) {
            Matcher m = matchers[which];
            if (m == null) {
                m = PATTERNS[which].matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false);
                matchers[which] = m;
            }
            m.region(i, n);
            return m.lookingAt() ? m : null;
        }

        private char ch(int i) {
            return i < n ? text.charAt(i) : '\0';
        }

        void run() {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                char prev = i > 0 ? text.charAt(i - 1) : ' ';
                if (isDigit(c)) {
                    if (!isLetterOrDigit(prev)) {
                        numberStart(i, c, prev);
                        customAt(i, c);
                    }
                } else if (c == '+') {
                    phoneIntl(i);
                } else if (c == '(') {
                    if (isDigit(ch(i + 1))) {
                        phoneNational(i);
                        phoneUs(i);
                    }
                } else if (c == '€' || c == '$' || c == '£') {
                    amountPrefix(i);
                } else if (isLetter(c) && !isLetterOrDigit(prev)) {
                    word(i, c);
                    customAt(i, c);
                }
            }
        }

        private void numberStart(int i, char c, char prev) {
            char c1 = ch(i + 1);
            char c2 = ch(i + 2);
            if (ch(i + 4) == '-' && isDigit(c1) && isDigit(c2) && isDigit(ch(i + 3))) {
                date(at(ISO_M, i), 1, 2, 3, false);
            }
            if (separatedTwice(i, '.')) {
                Matcher m = at(DOTTED_M, i);
                if (m != null) {
                    int year = group(m, 3);
                    addDate(found, m, year < 100 ? 2000 + year : year, group(m, 2), group(m, 1), false);
                }
            }
            if (separatedTwice(i, '/')) {
                slashDate(at(SLASH_M, i));
            }
            if (prev != '.' && letterSoonAfter(i)) {
                Matcher m = at(DAY_MONTH_M, i);
                if (m != null) {
                    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                    addDate(found, m, m.group(3) == null ? -1 : group(m, 3), month, group(m, 1), m.group(3) == null);
                }
            }
            if (prev != '.' && prev != ',' && currencyAfter(i)) {
                Matcher m = at(AMOUNT_SUF_M, i);
                if (m != null) {
                    found.add(new Candidate(EntityType.AMOUNT, m.start(), m.end(),
                            currency(m.group(2)) + " " + amountNumber(m.group(1)), 6));
                }
            }
            if (c >= '2' && c <= '6' && longDigitRun(i)) {
                Matcher m = at(CARD_M, i);
                if (m != null) {
                    String digits = digitsOf(text, m.start(), m.end());
                    if (digits.length() >= 13 && Checksums.luhn(digits) && !sameDigit(digits)) {
                        found.add(new Candidate(EntityType.CARD_NUMBER, m.start(), m.end(), digits, 4));
                    }
                }
            }
            if (c == '0') {
                if (c1 == '0') {
                    phoneIntl(i);
                } else {
                    phoneNational(i);
                }
            } else if (c >= '2' && isDigit(c1) && isDigit(c2) && "-. ".indexOf(ch(i + 3)) >= 0) {
                phoneUs(i);
            }
        }

        /** A UPU S10 postal item id (RR123456785DE): two capitals, nine digits with check digit, country. */
        private void postalId(int i) {
            int end = i + 13;
            if (end > n || !isUpper(ch(i + 1)) || !isUpper(ch(end - 2)) || !isUpper(ch(end - 1))
                    || end < n && isLetterOrDigit(text.charAt(end))) {
                return;
            }
            for (int j = i + 2; j < i + 11; j++) {
                if (!isDigit(text.charAt(j))) {
                    return;
                }
            }
            if (Checksums.s10Valid(text, i + 2)) {
                found.add(new Candidate(EntityType.TRACKING_NUMBER, i, end, text.substring(i, end), 3));
            }
        }

        private boolean isUpper(char c) {
            return c >= 'A' && c <= 'Z';
        }

        /** "d.d." / "dd.dd." shape: one or two digits, {@code sep}, one or two digits, {@code sep}. */
        private boolean separatedTwice(int i, char sep) {
            int j = ch(i + 1) == sep ? i + 1 : ch(i + 2) == sep && isDigit(ch(i + 1)) ? i + 2 : -1;
            if (j < 0 || !isDigit(ch(j + 1))) {
                return false;
            }
            return ch(j + 2) == sep || isDigit(ch(j + 2)) && ch(j + 3) == sep;
        }

        private boolean startsWith(int i, String lower) {
            return text.regionMatches(true, i, lower, 0, lower.length());
        }

        /** Whether a currency may follow the number starting at {@code i} ("12,50 €", "20 Euro", "5$"). */
        private boolean currencyAfter(int i) {
            int j = i;
            int end = Math.min(n, i + 24);
            while (j < end && (isDigit(text.charAt(j)) || ".,'’".indexOf(text.charAt(j)) >= 0)) {
                j++;
            }
            if (ch(j) == ' ' || ch(j) == '\u00A0') {
                j++;
            }
            return "€$£eEuUdDgGcCfF".indexOf(ch(j)) >= 0;
        }

        /** At least 13 digits in the run of digits, spaces and dashes starting at {@code i}. */
        private boolean longDigitRun(int i) {
            int digits = 0;
            for (int j = i, end = Math.min(n, i + 24); j < end; j++) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    digits++;
                } else if (c != ' ' && c != '-') {
                    break;
                }
            }
            return digits >= 13;
        }

        /** A letter within the next few characters ("3. Mai", "3rd of May", "12 mars"). */
        private boolean letterSoonAfter(int i) {
            for (int j = i + 1; j < Math.min(n, i + 6); j++) {
                char c = text.charAt(j);
                if (Character.isLetter(c)) {
                    return true;
                }
                if (!(isDigit(c) || c == '.' || c == ' ')) {
                    return false;
                }
            }
            return false;
        }

        private void word(int i, char c) {
            char lc = Character.toLowerCase(c);
            if (i + 3 < n && Character.isLetter(ch(i + 1)) && isDigit(ch(i + 2)) && isDigit(ch(i + 3))) {
                iban(at(IBAN_M, i));
            }
            if (c >= 'A' && c <= 'Z') {
                postalId(i);
            }
            if ("eugcf".indexOf(lc) >= 0 && (startsWith(i, "eur") || startsWith(i, "usd") || startsWith(i, "us$")
                    || startsWith(i, "gbp") || startsWith(i, "chf") || startsWith(i, "fr."))) {
                amountPrefix(i);
            }
            if ("jfmasond".indexOf(lc) >= 0) {
                int j = i + 1;
                while (j < n && j - i < 10 && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                if (ch(j) == '.') {
                    j++;
                }
                if (ch(j) == ' ' && (isDigit(ch(j + 1)) || ch(j + 1) == ' ' && isDigit(ch(j + 2)))) {
                    date(at(MONTH_DAY_M, i), 3, 1, 2, true);
                }
            }
        }

        private void customAt(int i, char c) {
            if (triggered.isEmpty()) {
                return;
            }
            long mask = triggerTable[symbol(c) * SYMBOLS + symbol(ch(i + 1))];
            if (mask == 0 && triggered.size() <= 64) {
                return;
            }
            for (int k = 0; k < triggered.size(); k++) {
                EntityPatterns.Named named = triggered.get(k);
                if (k < 64 ? (mask & (1L << k)) == 0
                        : !named.triggeredBy(Character.toLowerCase(c), Character.toLowerCase(ch(i + 1)))) {
                    continue;
                }
                int from = i;
                if (!named.keywords().isEmpty()) {
                    from = keywordEnd(i, named.keywords());
                    if (from < 0) {
                        continue;
                    }
                }
                if (customMatchers == null) {
                    customMatchers = new Matcher[triggered.size()];
                }
                Matcher m = customMatchers[k];
                if (m == null) {
                    m = named.pattern().matcher(text);
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                    customMatchers[k] = m;
                }
                m.region(from, n);
                if (m.lookingAt()) {
                    addCustom(text, named, m, found);
                }
            }
        }

        /** End of the first (longest) keyword found at {@code i} that ends a word, or -1. */
        private int keywordEnd(int i, List<String> keywords) {
            for (int k = 0; k < keywords.size(); k++) {
                String kw = keywords.get(k);
                int end = i + kw.length();
                if (end <= n && text.regionMatches(true, i, kw, 0, kw.length())
                        && (end == n || !Character.isLetter(text.charAt(end)))) {
                    return end;
                }
            }
            return -1;
        }

        private void date(Matcher m, int yearGroup, int monthGroup, int dayGroup, boolean monthName) {
            if (m == null) {
                return;
            }
            Integer month = monthName ? MONTHS.get(m.group(monthGroup).toLowerCase(Locale.ROOT)) : group(m, monthGroup);
            addDate(found, m, group(m, yearGroup), month, group(m, dayGroup), false);
        }

        private void slashDate(Matcher m) {
            if (m == null) {
                return;
            }
            int a = group(m, 1);
            int b = group(m, 2);
            if (a > 12 && b <= 12) {
                addDate(found, m, group(m, 3), b, a, false);
            } else if (b > 12 && a <= 12) {
                addDate(found, m, group(m, 3), a, b, false);
            } else if (a <= 12 && b <= 12 && a > 0 && b > 0) {
                // 03/05/2024 is March or May depending on the writer: keep it, but do not guess
                found.add(new Candidate(EntityType.DATE, m.start(), m.end(), m.group(), 5));
            }
        }

        private void iban(Matcher m) {
            if (m == null) {
                return;
            }
            StringBuilder compact = new StringBuilder(34);
            int end = m.start();
            int expected = Checksums.ibanLength(text.substring(m.start(), m.start() + 2).toUpperCase(Locale.ROOT));
            for (int i = m.start(); i < m.end(); i++) {
                char c = text.charAt(i);
                if (c != ' ') {
                    compact.append(Character.toUpperCase(c));
                    end = i + 1;
                    if (compact.length() == expected) {
                        break;
                    }
                }
            }
            if (Checksums.ibanValid(compact)) {
                found.add(new Candidate(EntityType.IBAN, m.start(), end, compact.toString(), 2));
            }
        }

        private void amountPrefix(int i) {
            Matcher m = at(AMOUNT_PRE_M, i);
            if (m != null) {
                found.add(new Candidate(EntityType.AMOUNT, m.start(), m.end(),
                        currency(m.group(1)) + " " + amountNumber(m.group(2)), 6));
            }
        }

        private void phoneIntl(int i) {
            Matcher m = at(PHONE_INTL_M, i);
            if (m == null) {
                return;
            }
            String s = m.group();
            String trunkless = s.replace("(0)", "");
            String digits = digitsOf(trunkless, 0, trunkless.length());
            if (digits.startsWith("00")) {
                digits = digits.substring(2);
            }
            if (digits.length() >= 8 && digits.length() <= 15 && plausiblePhone(s)) {
                found.add(new Candidate(EntityType.PHONE, m.start(), m.end(), "+" + digits, 7));
            }
        }

        private void phoneNational(int i) {
            Matcher m = at(PHONE_NAT_M, i);
            if (m == null) {
                return;
            }
            String s = m.group();
            String digits = digitsOf(s, 0, s.length());
            boolean separated = s.length() != digits.length();
            // an unseparated run is a phone only when it looks like a mobile number (01xx + 7..8 digits)
            boolean mobile = !separated && digits.startsWith("01") && digits.length() >= 10;
            if (digits.length() >= 7 && digits.length() <= 12 && (separated || mobile) && plausiblePhone(s)) {
                found.add(new Candidate(EntityType.PHONE, m.start(), m.end(), digits, 7));
            }
        }

        private void phoneUs(int i) {
            Matcher m = at(PHONE_US_M, i);
            if (m != null) {
                found.add(new Candidate(EntityType.PHONE, m.start(), m.end(), digitsOf(m.group(), 0, m.group().length()), 7));
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
    }

    private static void addCustom(String text, EntityPatterns.Named named, Matcher m, List<Candidate> out) {
        boolean valueGroup = named.hasValueGroup();
        int s = valueGroup ? m.start("value") : m.start();
        int e = valueGroup ? m.end("value") : m.end();
        if (s < 0 || e <= s || !containsDigit(text, s, e)) {
            return;
        }
        String norm = text.substring(s, e).replace(" ", "").toUpperCase(Locale.ROOT);
        out.add(new Candidate(named.type(), s, e, norm, 3));
    }

    /** One possible entity before overlaps are resolved; lower rank wins. */
    private record Candidate(EntityType type, int start, int end, String normalized, int rank) {
        int length() {
            return end - start;
        }
    }

    private static final Comparator<Candidate> BY_PREFERENCE = Comparator.comparingInt(Candidate::rank)
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
            .thenComparingInt(Candidate::start);
    private static final Comparator<Candidate> BY_START = Comparator.comparingInt(Candidate::start);

    private static List<Entity> resolve(String text, List<Candidate> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.size() > 1) {
            found.sort(BY_PREFERENCE);
        }
        BitSet taken = new BitSet();
        List<Candidate> kept = new ArrayList<>(found.size());
        for (Candidate c : found) {
            int next = taken.nextSetBit(c.start);
            if (next < 0 || next >= c.end) {
                taken.set(c.start, c.end);
                kept.add(c);
            }
        }
        kept.sort(BY_START);
        List<Entity> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            out.add(new Entity(c.type, text.substring(c.start, c.end), c.normalized, c.start, c.end));
        }
        return out;
    }

    private static void urls(String text, List<Candidate> out) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && ".,;:!?)]}'\"»".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end - m.start() > 4) {
                out.add(new Candidate(EntityType.URL, m.start(), end, null, 0));
            }
        }
    }

    /** Scans around each '@' instead of a regex, so that long runs of letters cost nothing. */
    private static void emails(String text, List<Candidate> out) {
        int n = text.length();
        int at = text.indexOf('@');
        while (at >= 0) {
            int s = at;
            while (s > 0 && at - s < MAX_EMAIL_LOCAL && isLocalChar(text.charAt(s - 1))) {
                s--;
            }
            while (s < at && text.charAt(s) == '.') {
                s++;
            }
            int e = at + 1;
            int lastDot = -1;
            while (e < n && e - at <= MAX_EMAIL_DOMAIN && isDomainChar(text.charAt(e))) {
                if (text.charAt(e) == '.') {
                    lastDot = e;
                }
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
                if (lastDot == e) {
                    lastDot = text.lastIndexOf('.', e - 1);
                }
            }
            if (s < at && lastDot > at + 1 && e - lastDot - 1 >= 2 && allLetters(text, lastDot + 1, e)) {
                out.add(new Candidate(EntityType.EMAIL, s, e, text.substring(s, e).toLowerCase(Locale.ROOT), 1));
            }
            at = text.indexOf('@', Math.max(e, at + 1));
        }
    }

    private static boolean isLocalChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean allLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDigit(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static int group(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static void addDate(List<Candidate> out, Matcher m, int year, Integer month, int day, boolean noYear) {
        if (month == null) {
            return;
        }
        try {
            // validates day and month even without a year (2024 is a leap year, so 29 Feb passes)
            LocalDate d = LocalDate.of(noYear ? 2024 : year, month, day);
            if (!noYear && (year < 1900 || year > 2199)) {
                return;
            }
            String iso = noYear ? String.format(Locale.ROOT, "--%02d-%02d", month, day) : d.toString();
            out.add(new Candidate(EntityType.DATE, m.start(), m.end(), iso, 5));
        } catch (DateTimeException e) {
            // not a calendar date (31.02., 2024-13-01): not a date entity
        }
    }

    private static String currency(String symbol) {
        String s = symbol.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "€", "eur", "euro", "euros" -> "EUR";
            case "$", "us$", "usd", "dollar", "dollars" -> "USD";
            case "£", "gbp" -> "GBP";
            case "chf", "fr.", "franken" -> "CHF";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    /** "1.234,56" and "1,234.56" both become "1234.56": a last separator before 1-2 digits is the decimal one. */
    static String amountNumber(String raw) {
        int lastSep = -1;
        for (int i = raw.length() - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (c == '.' || c == ',') {
                lastSep = i;
                break;
            }
        }
        boolean decimal = lastSep >= 0 && raw.length() - lastSep - 1 <= 2;
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (decimal && i == lastSep) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    /** Rejects dates, balanced-parenthesis violations and runs of separators that only look like phones. */
    private static boolean plausiblePhone(String s) {
        if (DATE_SHAPE.matcher(s).matches()) {
            return false;
        }
        int open = 0;
        int seps = 0;
        char lastSep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                open++;
            } else if (c == ')') {
                if (--open < 0) {
                    return false;
                }
            }
            if (c == '.' || c == '-' || c == '/' || c == ' ') {
                if (++seps > 3 || (c != ' ' && c == lastSep)) {
                    return false;
                }
                lastSep = c;
            } else {
                seps = 0;
                lastSep = 0;
            }
        }
        return open == 0;
    }

    private static String digitsOf(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] names = {
            {"januar", "jänner", "january", "janvier", "jan"},
            {"februar", "february", "février", "fevrier", "feb", "febr"},
            {"märz", "maerz", "march", "mars", "mär", "mar"},
            {"april", "avril", "apr"},
            {"mai", "may"},
            {"juni", "june", "juin", "jun"},
            {"juli", "july", "juillet", "jul"},
            {"august", "août", "aout", "aug"},
            {"september", "septembre", "sept", "sep"},
            {"oktober", "october", "octobre", "okt", "oct"},
            {"november", "novembre", "nov"},
            {"dezember", "december", "décembre", "decembre", "dez", "dec"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
