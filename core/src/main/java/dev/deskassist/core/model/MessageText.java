package dev.deskassist.core.model;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The body of one message as plain text, split into what the author newly wrote ({@link #text()}),
 * the quoted reply history below it and the signature, so that analysis can look at the new text
 * only. {@link #parse(String)} accepts plain text or HTML.
 */
public record MessageText(String text, String quoted, String signature) {

    public static final MessageText EMPTY = new MessageText("", "", "");

    /** Bodies above this size are cut; nothing a customer types by hand comes near it. */
    static final int MAX_CHARS = 200_000;

    private static final Pattern HTML_HINT = Pattern.compile(
            "(?is)<\\s*(html|body|div|p|br|span|table|blockquote|a|ul|ol|li|b|i|strong|em|h[1-6]|font)\\b[^>]*>");

    private static final Pattern QUOTE_HEADER = Pattern.compile(String.join("|", List.of(
            // "On Mon, 3 Jun 2024 at 10:00, Jane <jane@x.org> wrote:"
            "^\\s*On\\b.{0,200}\\bwrote:\\s*$",
            "^\\s*Am\\b.{0,200}\\bschrieb\\b.{0,120}:\\s*$",
            "^\\s*Le\\b.{0,200}\\ba écrit\\s*:\\s*$",
            "^\\s*El\\b.{0,200}\\bescribió\\s*:\\s*$",
            "^\\s*Il\\b.{0,200}\\bha scritto\\s*:\\s*$",
            "^\\s*Op\\b.{0,200}\\bschreef\\b.{0,120}:\\s*$",
            "^\\s*Em\\b.{0,200}\\bescreveu\\s*:\\s*$",
            "^\\s*W dniu\\b.{0,200}\\bnapisał(a)?\\b.{0,120}:\\s*$",
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Mensagem original)\\s*-{2,}\\s*$",
            "^\\s*_{10,}\\s*$",
            "^\\s*(From|Von|De|Da|Van|Od):\\s.+$")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SENT_HEADER = Pattern.compile(
            "^\\s*(Sent|Gesendet|Envoyé|Enviado|Inviato|Verzonden|Wysłano|Date|Datum):\\s.+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SIGNATURE_START = Pattern.compile(String.join("|", List.of(
            "^--\\s*$",
            "^\\s*(mit )?(freundlichen|besten|herzlichen|lieben|viele|beste|liebe) gr(ü|ue)(ß|ss)e?n?\\b.*$",
            "^\\s*(mfg|vg|lg|bg)\\s*,?\\s*$",
            "^\\s*gru(ß|ss)\\s*,?\\s*$",
            "^\\s*(best|kind|warm|many thanks and|with kind)?\\s*regards\\b.*$",
            "^\\s*(sincerely|cheers|best wishes|yours (truly|sincerely|faithfully)|thanks in advance|best)\\s*,?\\s*$",
            "^\\s*(cordialement|bien cordialement|bien à vous|salutations)\\b.*$",
            "^\\s*(saludos|atentamente|un saludo|cordiales saludos)\\b.*$",
            "^\\s*(cordiali saluti|distinti saluti|saluti)\\b.*$",
            "^\\s*(met vriendelijke groet(en)?|groeten|vriendelijke groet)\\b.*$",
            "^\\s*(atenciosamente|cumprimentos|abraços)\\b.*$",
            "^\\s*(z poważaniem|pozdrawiam)\\b.*$",
            "^\\s*(sent from my|gesendet von meinem|von meinem (iphone|ipad|android|smartphone|handy|mobiltelefon|samsung|galaxy|tablet)|envoyé de mon|enviado desde mi|get outlook for)\\b.*$")),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A signature is only recognized in the last lines of a message, where it lives. */
    private static final int SIGNATURE_WINDOW = 10;

    public MessageText {
        text = text == null ? "" : text;
        quoted = quoted == null ? "" : quoted;
        signature = signature == null ? "" : signature;
    }

    /** Parses a raw body: HTML becomes text, then quoted history and signature are split off. */
    public static MessageText parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        s = looksLikeHtml(s) ? htmlToText(s) : s;
        return split(normalize(s));
    }

    /** Wraps text that needs no splitting (for example a subject or a note written by code). */
    public static MessageText plain(String text) {
        return new MessageText(text == null ? "" : normalize(text), "", "");
    }

    /** The whole message as written: new text, signature and quoted history. */
    public String full() {
        StringBuilder sb = new StringBuilder(text);
        if (!signature.isEmpty()) {
            sb.append("\n").append(signature);
        }
        if (!quoted.isEmpty()) {
            sb.append("\n").append(quoted);
        }
        return sb.toString().strip();
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    static boolean looksLikeHtml(String s) {
        return s.indexOf('<') >= 0 && HTML_HINT.matcher(s).find();
    }

    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    continue;
                }
                sb.append('\n');
            } else if (c == '\u00A0' || c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) && c != '\n') {
                // binary garbage and stray control characters carry no meaning for analysis
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().replaceAll("[ ]{2,}", " ").replaceAll("\n[ ]+", "\n").replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        // Quoted history in HTML mail lives in blockquotes and gmail_quote containers; mark it as
        // "> " lines so that the text splitter treats it like plain-text quoting.
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String txt = t.text();
                    if (inQuote(node)) {
                        if (!txt.isBlank()) {
                            if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                                out.append("> ");
                            }
                            out.append(txt);
                        }
                    } else {
                        out.append(txt);
                    }
                } else if (node instanceof Element e && isBlock(e)) {
                    newline(out);
                    if (e.normalName().equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (isBlock(e))) {
                    newline(out);
                }
            }
        }, doc.body());
        return out.toString();
    }

    private static boolean inQuote(Node node) {
        for (Node p = node.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && (e.normalName().equals("blockquote") || e.hasClass("gmail_quote")
                    || e.hasClass("yahoo_quoted") || e.id().equals("divRplyFwdMsg"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                    "pre", "hr", "section", "article", "header", "footer" -> true;
            default -> false;
        };
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    static MessageText split(String s) {
        String[] lines = s.split("\n", -1);
        int quoteStart = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean header = QUOTE_HEADER.matcher(line).matches();
            // "From: x" alone is a quote header only when a "Sent:" / "Date:" line follows it
            if (header && line.matches("(?i)^\\s*(From|Von|De|Da|Van|Od):.*")) {
                header = i + 1 < lines.length && (SENT_HEADER.matcher(lines[i + 1]).matches()
                        || i + 2 < lines.length && SENT_HEADER.matcher(lines[i + 2]).matches());
            }
            if (header || (line.startsWith(">") && restIsQuoted(lines, i))) {
                quoteStart = i;
                break;
            }
        }
        int sigStart = quoteStart;
        int windowStart = Math.max(1, quoteStart - SIGNATURE_WINDOW);
        for (int i = windowStart; i < quoteStart; i++) {
            if (SIGNATURE_START.matcher(lines[i]).matches()) {
                sigStart = i;
                break;
            }
        }
        String text = join(lines, 0, sigStart);
        String signature = join(lines, sigStart, quoteStart);
        String quoted = join(lines, quoteStart, lines.length);
        if (text.isBlank() && !quoted.isBlank() && signature.isBlank()) {
            // a message that is only a quote still says something; keep it analysable
            return new MessageText(quoted.replaceAll("(?m)^>\\s?", "").strip(), "", "");
        }
        return new MessageText(text, quoted, signature);
    }

    /** A "> " line starts the quoted history only when the rest is quoted or blank, not for an inline quote. */
    private static boolean restIsQuoted(String[] lines, int from) {
        int quotedLines = 0;
        int other = 0;
        for (int i = from; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith(">")) {
                quotedLines++;
            } else {
                other++;
            }
        }
        return quotedLines >= other;
    }

    private static String join(String[] lines, int from, int to) {
        if (from >= to) {
            return "";
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to)).strip();
    }

    @Override
    public String toString() {
        return "MessageText[chars=" + text.length() + ", quoted=" + quoted.length() + ", signature="
                + signature.length() + "]";
    }
}
