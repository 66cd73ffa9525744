package dev.deskassist.examples.eval;

import dev.deskassist.examples.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads (text, label) pairs from a CSV or TSV evaluation file, naming the file and column in every error. */
public final class LabeledTexts {

    /** One labeled example. */
    public record Example(String text, String label) {
        @Override
        public String toString() {
            return "Example[label=" + label + ", chars=" + text.length() + "]";
        }
    }

    private LabeledTexts() {
    }

    /** A CSV with a header row; {@code textColumn} and {@code labelColumn} are header names. */
    public static List<Example> csv(Path file, String textColumn, String labelColumn) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = open(file); CSVParser p = CSVParser.parse(r, format)) {
            for (String col : List.of(textColumn, labelColumn)) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new UsageException(file + ": no column '" + col + "'; columns are " + p.getHeaderNames());
                }
            }
            List<Example> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                if (!rec.isConsistent()) {
                    throw new UsageException(file + ": record " + rec.getRecordNumber() + " has " + rec.size()
                            + " fields, the header has " + p.getHeaderMap().size());
                }
                out.add(new Example(rec.get(textColumn), rec.get(labelColumn).strip()));
            }
            return out;
        }
    }

    /** A headerless TSV; columns are 0-based indexes. Quotes are not special in TSV tweets. */
    public static List<Example> tsv(Path file, int textColumn, int labelColumn) throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
        int need = Math.max(textColumn, labelColumn);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            if (f.length <= need) {
                throw new UsageException(file + ":" + (i + 1) + ": " + f.length + " columns, need at least " + (need + 1));
            }
            out.add(new Example(f[textColumn], f[labelColumn].strip()));
        }
        return out;
    }

    private static Reader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }
}
