package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.HistoricalTicket;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streaming readers for each export format: one record in memory at a time, so the size of the
 * export does not matter. A break in the input stops the read and is reported as truncation;
 * the tickets before it are kept.
 */
public final class ExportParsers {

    /** Keys under which list bodies keep their records. */
    private static final Set<String> ARRAY_KEYS = Set.of("tickets", "results", "result", "records", "data");

    private ExportParsers() {
    }

    public static void json(Reader in, ExportFormat format, ExportMapping mapping, ReadCounter counter, int maxChars,
                            Consumer<HistoricalTicket> sink) {
        JsonRecords records = new JsonRecords(format, mapping, counter, maxChars);
        JsonParser p = Json.createParser(in);
        try {
            if (!p.hasNext()) {
                counter.truncated("the export is empty");
                return;
            }
            Event first = p.next();
            if (first == Event.START_ARRAY) {
                array(p, records, counter, sink);
            } else if (first == Event.START_OBJECT) {
                boolean found = false;
                while (p.hasNext()) {
                    Event e = p.next();
                    if (e == Event.END_OBJECT) {
                        break;
                    }
                    if (e != Event.KEY_NAME) {
                        continue;
                    }
                    String key = p.getString();
                    Event v = p.next();
                    if (v == Event.START_ARRAY && ARRAY_KEYS.contains(key)) {
                        found = true;
                        array(p, records, counter, sink);
                    } else if (v == Event.START_OBJECT && key.equals("ticket")) {
                        found = true;
                        one(p.getObject(), records, counter, sink);
                    } else if (v == Event.START_OBJECT) {
                        p.skipObject();
                    } else if (v == Event.START_ARRAY) {
                        p.skipArray();
                    }
                }
                if (!found) {
                    counter.note("no ticket list found (expected an array, or one under tickets, results or result)");
                }
            } else {
                counter.note("the export is not a JSON array or object");
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            counter.truncated("the JSON ends or breaks" + where(p) + " after " + counter.records + " records");
        } finally {
            try {
                p.close();
            } catch (JsonException e) {
                // closing a parser left inside a broken document: nothing more to read anyway
            }
        }
    }

    private static String where(JsonParser p) {
        try {
            JsonLocation l = p.getLocation();
            return l == null ? "" : " at line " + l.getLineNumber() + " column " + l.getColumnNumber();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void array(JsonParser p, JsonRecords records, ReadCounter counter, Consumer<HistoricalTicket> sink) {
        while (true) {
            Event e = p.next();
            if (e == Event.END_ARRAY) {
                return;
            }
            if (e == Event.START_OBJECT) {
                one(p.getObject(), records, counter, sink);
            } else {
                counter.records++;
                counter.malformed++;
                if (e == Event.START_ARRAY) {
                    p.skipArray();
                }
            }
        }
    }

    private static void one(JsonObject o, JsonRecords records, ReadCounter counter, Consumer<HistoricalTicket> sink) {
        counter.records++;
        counter.take(records.map(o), sink);
    }

    public static void ndjson(Reader in, ExportFormat format, ExportMapping mapping, ReadCounter counter, int maxChars,
                              Consumer<HistoricalTicket> sink) {
        JsonRecords records = new JsonRecords(format, mapping, counter, maxChars);
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        long lineNo = 0;
        boolean lastBroken = false;
        long lastBrokenLine = 0;
        try {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                counter.records++;
                JsonObject o;
                try (JsonReader jr = Json.createReader(new StringReader(line))) {
                    o = jr.readObject();
                } catch (JsonException | IllegalStateException e) {
                    counter.malformed++;
                    lastBroken = true;
                    lastBrokenLine = lineNo;
                    continue;
                }
                lastBroken = false;
                counter.take(records.map(o), sink);
            }
        } catch (IOException e) {
            counter.truncated("reading stopped after line " + lineNo + " (" + e.getClass().getSimpleName() + ")");
        }
        if (lastBroken) {
            counter.truncated("the last record (line " + lastBrokenLine + ") is cut off");
        }
    }

    public static void csv(Reader in, ExportMapping mapping, ReadCounter counter, int maxChars,
                           Consumer<HistoricalTicket> sink) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).build();
        try (CSVParser parser = CSVParser.parse(in, fmt)) {
            Map<String, Integer> header = parser.getHeaderMap();
            Set<String> used = new HashSet<>(mapping.columns().values());
            for (String spec : new String[] {mapping.category(), mapping.group(), mapping.priority(),
                    mapping.escalation()}) {
                String column = Decisions.fieldName(spec);
                if (column != null) {
                    used.add(column);
                }
            }
            for (String h : header.keySet()) {
                if (!used.contains(h)) {
                    counter.unknownColumns.add(h);
                }
            }
            for (String role : List.of("id", "subject", "description")) {
                String c = mapping.column(role);
                if (c != null && !header.containsKey(c)) {
                    counter.note("column '" + c + "' (" + role + ") is not in the header");
                }
            }
            var it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    counter.truncated("the CSV breaks after " + counter.records + " rows (an unclosed quote or a cut-off"
                            + " file)");
                    break;
                }
                counter.records++;
                if (!rec.isConsistent()) {
                    counter.malformed++;
                    continue;
                }
                counter.take(csvTicket(rec, header, mapping, counter, maxChars), sink);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // a header that cannot be read (duplicate names, a broken first line)
            counter.truncated("the CSV header cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static HistoricalTicket csvTicket(CSVRecord rec, Map<String, Integer> index, ExportMapping m,
                                              ReadCounter counter, int maxChars) {
        java.util.function.Function<String, String> col = name -> {
            Integer i = name == null ? null : index.get(name);
            return i == null || i >= rec.size() ? null : rec.get(i);
        };
        String id = col.apply(m.column("id"));
        if (id == null || id.isBlank()) {
            counter.missingId++;
            return null;
        }
        String tagText = col.apply(m.column("tags"));
        List<String> tags = null;
        if (tagText != null) {
            tags = new ArrayList<>();
            for (String t : tagText.split("[,;\\s]+")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        var at = counter.time(col.apply(m.column("created")));
        var human = Decisions.read(m, col, tags);
        return new HistoricalTicket(id.strip(), at, counter.cut(col.apply(m.column("subject")), maxChars),
                counter.cut(col.apply(m.column("description")), maxChars), col.apply(m.column("channel")), human,
                counter.cut(col.apply(m.column("reply")), maxChars));
    }
}
