package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataReaderTest {

    @TempDir
    Path dir;

    private final TrainingDataReader reader = TrainingDataReader.defaults();

    @Test
    void joinsSeveralTextColumnsAndSkipsBlankRowsWithTheirLines() throws IOException {
        Path file = write("t.csv", """
                subject,body,queue
                Invoice,"I was charged
                twice",billing
                ,Where is my parcel?,delivery
                ,,delivery
                Login,Cannot sign in,
                """);
        TrainingData d = TrainingDataReader.builder().textColumns("subject", "body").labelColumn("queue").build()
                .read(file);
        assertEquals(List.of(new Example("Invoice\nI was charged\ntwice", "billing"),
                new Example("Where is my parcel?", "delivery")), d.examples());
        assertEquals(2, d.skippedRows());
        assertEquals(List.of(5L, 6L), d.skippedLines());
    }

    @Test
    void missingColumnNamesTheColumnsThatExist() throws IOException {
        Path file = write("t.csv", "body,queue\nhello,a\n");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("no column 'text'") && e.getMessage().contains("[body, queue]"),
                e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void emptyFilesAreRejected() throws IOException {
        Path empty = write("empty.csv", "");
        assertTrue(assertThrows(TrainingDataException.class, () -> reader.read(empty)).getMessage()
                .contains("empty file"));
        Path headerOnly = write("header.csv", "text,label\n");
        assertTrue(assertThrows(TrainingDataException.class, () -> reader.read(headerOnly)).getMessage()
                .contains("no data rows"));
        Path emptyJson = write("empty.jsonl", "\n\n");
        assertTrue(assertThrows(TrainingDataException.class, () -> reader.read(emptyJson)).getMessage()
                .contains("empty file"));
    }

    @Test
    void missingFileIsATypedError() {
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> reader.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void readsJsonLinesWithConfigurableKeys() throws IOException {
        Path file = write("d.jsonl", """
                {"msg": "Paket fehlt", "intent": "delivery", "id": 1}

                {"msg": "Rechnung falsch", "intent": "billing"}
                {"msg": "", "intent": "billing"}
                """);
        TrainingData d = TrainingDataReader.builder().textColumns("msg").labelColumn("intent").build().read(file);
        assertEquals(2, d.size());
        assertEquals(1, d.skippedRows());
        assertEquals(List.of(4L), d.skippedLines());
    }

    @Test
    void malformedJsonLineIsReportedWithItsLineNumberButNotItsText() throws IOException {
        Path file = write("d.jsonl", """
                {"text": "fine", "label": "a"}
                {"text": "secret customer text", "label": 
                """);
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> reader.read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("malformed JSON"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void jsonLineWithoutTheLabelKeyNamesTheKeys() throws IOException {
        Path file = write("d.jsonl", "{\"text\": \"x\", \"category\": \"a\"}\n");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("no key 'label'") && e.getMessage().contains("category"), e.getMessage());
    }

    @Test
    void trainingNeedsAtLeastTwoLabels() throws IOException {
        Path file = write("one.csv", "text,label\nhello,a\nhi there,a\n");
        TrainingData d = reader.read(file);
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new IntentTrainer(TrainerConfig.defaults()).train(d));
        assertTrue(e.getMessage().contains("only one label"), e.getMessage());
    }

    @Test
    void brokenCsvQuotingAndNonUtf8AreTypedErrors() throws IOException {
        Path unclosed = write("q.csv", "text,label\nfine,a\n\"never closed,b\n");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> reader.read(unclosed));
        assertTrue(e.getMessage().contains("malformed CSV") && e.line() >= 3, e.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'t', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l', '\n', (byte) 0xE4, ',', 'a', '\n'});
        assertThrows(TrainingDataException.class, () -> reader.read(latin1));
    }

    @Test
    void tinyDataStillTrains() {
        TrainingData d = TrainingData.of("mem", List.of(new Example("refund", "billing"), new Example("parcel", "delivery")));
        LinearIntentModel m = new IntentTrainer(TrainerConfig.defaults()).train(d).model();
        assertEquals(2, m.predict("refund please").size());
    }

    @Test
    void samplesPerLabelDeterministically() {
        List<Example> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new Example("text " + i, i % 3 == 0 ? "a" : "b"));
        }
        TrainingData d = TrainingData.of("mem", many);
        TrainingData s1 = d.samplePerLabel(4, 1);
        assertEquals(8, s1.size());
        assertEquals(s1.examples(), d.samplePerLabel(4, 1).examples());
        assertEquals(4, s1.examples().stream().filter(e -> e.label().equals("a")).count());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
