package dev.deskassist.examples.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.ExportReader;
import dev.deskassist.core.backtest.HistoricalTicket;
import dev.deskassist.core.backtest.ReadSummary;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NordwindHistoryTest {

    private static String generate(long seed, int n) throws IOException {
        StringWriter w = new StringWriter();
        NordwindHistory.of(seed, n).write(w);
        return w.toString();
    }

    @Test
    void theHistoryIsDeterministicAndCarriesRealisticNoise() throws IOException {
        String a = generate(7, 1500);
        assertEquals(a, generate(7, 1500), "same seed, same export");
        assertNotEquals(a, generate(8, 1500));

        List<HistoricalTicket> tickets = new ArrayList<>();
        ReadSummary s = ExportReader.of(ExportFormat.ZENDESK_NDJSON, ExportMapping.fromJson(NordwindHistory.MAPPING,
                "mapping", ExportFormat.ZENDESK_NDJSON)).read(new StringReader(a), tickets::add);
        assertEquals(0, s.malformed());
        assertTrue(s.tickets() > 1500, "some ids are listed twice");
        Set<String> ids = new HashSet<>();
        long duplicates = tickets.stream().filter(t -> !ids.add(t.id())).count();
        assertTrue(duplicates > 0);
        long noCategory = tickets.stream().filter(t -> t.human().category() == null).count();
        long withReply = tickets.stream().filter(t -> t.firstAgentReply() != null).count();
        long linked = tickets.stream().filter(t -> t.firstAgentReply() != null
                && t.firstAgentReply().contains("nordwind-shop.example")).count();
        long escalated = tickets.stream().filter(t -> Boolean.TRUE.equals(t.human().escalated())).count();
        long german = tickets.stream().filter(t -> t.description().contains("Viele Grüße")).count();
        assertTrue(noCategory > 20 && noCategory < 150, "missing decisions: " + noCategory);
        assertTrue(withReply > 1000 && linked > 400 && linked < withReply, withReply + " / " + linked);
        assertTrue(escalated > 20, "escalations: " + escalated);
        assertTrue(german > 600 && german < 1100, "German share: " + german);
        assertTrue(tickets.stream().allMatch(t -> t.human().group() != null && !t.human().group().matches("\\d+")),
                "group ids mapped to names");
    }
}
