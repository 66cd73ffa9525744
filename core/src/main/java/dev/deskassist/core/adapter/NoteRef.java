package dev.deskassist.core.adapter;

import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Ticket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The idempotency stamp of an internal note: a last line {@code DeskAssist ref: <token>}. Before a
 * note is posted, the thread's internal comments are searched for the token alone (not the whole
 * text, which helpdesks re-render as HTML), so a retry after a lost response never posts the note
 * twice. The token is the caller's key when it is a plain token of 8 to 64 characters, else
 * {@code da-} and a short SHA-256 of what it names.
 */
public final class NoteRef {

    /** The label before the token on the note's last line. */
    public static final String LABEL = "DeskAssist ref:";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,63}");
    private static final Pattern LAST_LINE = Pattern.compile("(?s).*\\n" + Pattern.quote(LABEL)
            + " ([A-Za-z0-9][A-Za-z0-9._:-]{7,63})\\s*$");

    private NoteRef() {
    }

    /**
     * The token for a note: from {@code key} when given, else from the ticket id and the note text
     * (the same plan for the same ticket gives the same token on every attempt).
     */
    public static String token(String ticketId, String note, String key) {
        if (key != null && !key.isBlank()) {
            String k = key.strip();
            return PLAIN.matcher(k).matches() ? k : "da-" + shortHash(ticketId + "\n" + k);
        }
        return "da-" + shortHash(Objects.requireNonNull(ticketId, "ticketId") + "\n" + Objects.requireNonNullElse(note, ""));
    }

    /** The note with its stamp as the last line; a note already stamped is returned as it is. */
    public static String stamp(String note, String token) {
        if (note == null || tokenOf(note) != null) {
            return note;
        }
        return note.stripTrailing() + "\n\n" + LABEL + " " + token;
    }

    /** The token a stamped note ends with, or null. */
    public static String tokenOf(String note) {
        if (note == null) {
            return null;
        }
        Matcher m = LAST_LINE.matcher(note);
        return m.matches() ? m.group(1) : null;
    }

    /** Whether an internal comment of the ticket carries the token. */
    public static boolean posted(Ticket ticket, String token) {
        for (Comment c : ticket.comments()) {
            if (c.isInternal() && containsToken(c.body().full(), token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a comment body holds one of our stamps, whatever its token. */
    public static boolean isStamped(Comment c) {
        return c.body().full().contains(LABEL);
    }

    /** The token must stand alone: {@code da-12ab} must not match inside {@code da-12abcd}. */
    private static boolean containsToken(String text, String token) {
        int from = 0;
        while (true) {
            int i = text.indexOf(token, from);
            if (i < 0) {
                return false;
            }
            int end = i + token.length();
            if ((i == 0 || !tokenChar(text.charAt(i - 1))) && (end == text.length() || !tokenChar(text.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean tokenChar(char c) {
        // '.' and ':' may sit inside a token, but HTML or prose may put them right after it
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
