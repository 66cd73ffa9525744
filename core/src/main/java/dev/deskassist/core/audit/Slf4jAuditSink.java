package dev.deskassist.core.audit;

import dev.deskassist.core.json.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each decision, outcome and feedback record as one JSON line at INFO to the logger {@code dev.deskassist.audit}. */
public final class Slf4jAuditSink implements AuditSink {

    private final Logger log;

    public Slf4jAuditSink() {
        this(LoggerFactory.getLogger("dev.deskassist.audit"));
    }

    public Slf4jAuditSink(Logger log) {
        this.log = log;
    }

    @Override
    public void record(DecisionRecord record) {
        if (log.isInfoEnabled()) {
            log.info("{}", JsonCodec.toJson(record));
        }
    }

    @Override
    public void outcome(OutcomeRecord record) {
        if (log.isInfoEnabled()) {
            log.info("{}", JsonLinesAuditSink.typed(OutcomeRecord.TYPE, record));
        }
    }

    @Override
    public void feedback(FeedbackRecord record) {
        if (log.isInfoEnabled()) {
            log.info("{}", JsonLinesAuditSink.typed(FeedbackRecord.TYPE, record));
        }
    }
}
