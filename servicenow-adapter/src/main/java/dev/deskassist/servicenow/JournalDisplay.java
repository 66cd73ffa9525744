package dev.deskassist.servicenow;

import dev.deskassist.core.json.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the display value of a journal field ({@code comments}, {@code work_notes}), the fallback
 * when the integration user may not read {@code sys_journal_field}: one string per field, newest
 * entry first, each entry a header line {@code <date> - <author> (<label>)} followed by its text.
 *
 * <p>The date is written in the reading user's date format and time zone. Both are learnt from
 * the record itself: with {@code sysparm_display_value=all} {@code sys_updated_on} comes as raw
 * UTC value and as display value, so the format that reads the display value to the raw instant
 * (give or take a whole-quarter-hour offset) is the one, with that offset. Without that, the
 * formats seen in the wild are tried in turn, as UTC (the integration user should be on UTC).
 */
final class JournalDisplay {

    /** One entry: when (null when no date format fits), who (a display name), the label and the text. */
    record Entry(Instant at, String author, String label, String text) {
    }

    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("uuuu-MM-dd HH:mm:ss"),
            format("MM-dd-uuuu hh:mm:ss a"),
            format("dd-MM-uuuu HH:mm:ss"),
            format("MM/dd/uuuu hh:mm:ss a"),
            format("MM/dd/uuuu HH:mm:ss"),
            format("dd/MM/uuuu HH:mm:ss"),
            format("dd.MM.uuuu HH:mm:ss"),
            format("uuuu/MM/dd HH:mm:ss"),
            format("dd-MM-uuuu hh:mm:ss a"),
            format("uuuu-MM-dd HH:mm"),
            format("dd.MM.uuuu HH:mm"));

    private static final Pattern HEADER = Pattern.compile(
            "^(\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4} \\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[AaPp]\\.?[Mm]\\.?)?) - (.+) \\(([^()]*)\\)\\s*$");

    private static final Duration MAX_OFFSET = Duration.ofHours(14);

    private final DateTimeFormatter known;
    private final Duration offset;

    private JournalDisplay(DateTimeFormatter known, Duration offset) {
        this.known = known;
        this.offset = offset;
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Learns format and zone offset from a raw UTC stamp ({@code 2019-09-26 21:19:11}) and the same
     * stamp's display value; with either missing or no format fitting, dates are read as UTC by
     * trying every known format.
     */
    static JournalDisplay calibrate(String rawUtc, String display) {
        Instant raw = JsonFields.instant(rawUtc);
        if (raw != null && display != null && !display.isBlank()) {
            for (DateTimeFormatter f : FORMATS) {
                LocalDateTime local = parse(f, display.strip());
                if (local == null) {
                    continue;
                }
                Duration off = Duration.between(raw, local.toInstant(ZoneOffset.UTC));
                if (off.abs().compareTo(MAX_OFFSET) <= 0 && off.toSeconds() % (15 * 60) == 0) {
                    return new JournalDisplay(f, off);
                }
            }
        }
        return new JournalDisplay(null, Duration.ZERO);
    }

    /** The entries of one journal field's display value, oldest first. */
    List<Entry> entries(String display) {
        if (display == null || display.isBlank()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        String[] lines = display.replace("\r\n", "\n").split("\n", -1);
        Matcher header = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (header != null) {
                    out.add(entry(header, text));
                }
                header = m;
                text.setLength(0);
            } else if (header != null) {
                text.append(line).append('\n');
            }
        }
        if (header != null) {
            out.add(entry(header, text));
        }
        // the display value lists the newest entry first
        Collections.reverse(out);
        return List.copyOf(out);
    }

    private Entry entry(Matcher header, StringBuilder text) {
        return new Entry(instant(header.group(1)), header.group(2).strip(), header.group(3).strip(),
                text.toString().strip());
    }

    private Instant instant(String date) {
        String d = date.strip().replaceAll("(?i)([ap])\\.?m\\.?$", "$1M").replaceAll("(\\d)([AaPp]M)$", "$1 $2");
        if (known != null) {
            LocalDateTime local = parse(known, d);
            if (local != null) {
                return local.toInstant(ZoneOffset.UTC).minus(offset);
            }
        }
        for (DateTimeFormatter f : FORMATS) {
            LocalDateTime local = parse(f, d);
            if (local != null) {
                return local.toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    private static LocalDateTime parse(DateTimeFormatter f, String s) {
        try {
            return LocalDateTime.parse(s, f);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
