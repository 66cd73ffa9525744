package dev.deskassist.core.triage.rules;

/**
 * A text prepared once per ticket for keyword matching: lower case, umlauts and accents folded
 * to ASCII ("Kündigung" becomes "kuendigung", "écrit" becomes "ecrit", "ß" becomes "ss"), and
 * every run of characters that are neither letters nor digits collapsed to one space. Taxonomy
 * rules, priority cues and escalation cues all match against the same instance.
 */
public final class FoldedText {

    /** A folded text with nothing in it. */
    public static final FoldedText EMPTY = new FoldedText(new char[0], 0, 0);

    final char[] chars;
    final int length;
    private final int letters;

    private FoldedText(char[] chars, int length, int letters) {
        this.chars = chars;
        this.length = length;
        this.letters = letters;
    }

    /** Folds {@code text}; {@code null} folds to {@link #EMPTY}. */
    public static FoldedText of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        int n = text.length();
        char[] out = new char[n * 2 + 2];
        int len = 0;
        int letters = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out[len++] = c;
                    letters += c >= 'a' ? 1 : 0;
                    space = false;
                } else if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
                continue;
            }
            String folded = fold(c);
            if (folded != null) {
                for (int k = 0; k < folded.length(); k++) {
                    out[len++] = folded.charAt(k);
                }
                letters++;
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                out[len++] = Character.toLowerCase(c);
                letters += Character.isLetter(c) ? 1 : 0;
                space = false;
            } else if (!space) {
                out[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new FoldedText(out, len, letters);
    }

    /** Folds a term of a rule file the same way as the text it will be matched against. */
    static String foldTerm(String term) {
        FoldedText f = of(term);
        return new String(f.chars, 0, f.length);
    }

    /** The ASCII spelling of common Latin letters with diacritics, or {@code null}. */
    private static String fold(char c) {
        return switch (c) {
            case 'ä', 'Ä', 'æ', 'Æ' -> "ae";
            case 'ö', 'Ö', 'œ', 'Œ', 'ø', 'Ø' -> "oe";
            case 'ü', 'Ü' -> "ue";
            case 'ß' -> "ss";
            case 'à', 'á', 'â', 'ã', 'å', 'ą', 'À', 'Á', 'Â', 'Ã', 'Å', 'Ą' -> "a";
            case 'ç', 'ć', 'č', 'Ç', 'Ć', 'Č' -> "c";
            case 'è', 'é', 'ê', 'ë', 'ę', 'ě', 'È', 'É', 'Ê', 'Ë', 'Ę', 'Ě' -> "e";
            case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï' -> "i";
            case 'ñ', 'ń', 'ň', 'Ñ', 'Ń', 'Ň' -> "n";
            case 'ò', 'ó', 'ô', 'õ', 'Ò', 'Ó', 'Ô', 'Õ' -> "o";
            case 'ù', 'ú', 'û', 'ů', 'Ù', 'Ú', 'Û', 'Ů' -> "u";
            case 'ý', 'ÿ', 'Ý' -> "y";
            case 'ł', 'Ł' -> "l";
            case 'ś', 'š', 'Ś', 'Š' -> "s";
            case 'ź', 'ż', 'ž', 'Ź', 'Ż', 'Ž' -> "z";
            case 'ř', 'Ř' -> "r";
            default -> null;
        };
    }

    /** Number of letters seen (digits and punctuation not counted). */
    public int letterCount() {
        return letters;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The folded text itself; meant for tests and debugging, it holds ticket text. */
    public String value() {
        return new String(chars, 0, length);
    }

    @Override
    public String toString() {
        return "FoldedText[chars=" + length + "]";
    }
}
