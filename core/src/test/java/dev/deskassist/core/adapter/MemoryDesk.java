package dev.deskassist.core.adapter;

import dev.deskassist.core.http.ConflictException;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.TransportException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory helpdesk implementing the {@link WriteTarget} SPI, for the routine's own tests:
 * either concurrency strategy, fields it silently ignores, answers with or without the ticket,
 * and scripted failures of the next sends.
 */
final class MemoryDesk implements WriteTarget {

    /** What the next send does instead of (or besides) applying. */
    enum Fault { CONFLICT, LOSE_ANSWER_AFTER_APPLYING, FAIL }

    final Concurrency concurrency;
    final String id = "7";
    Priority priority;
    String status = "open";
    String group;
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<Comment> comments = new ArrayList<>();
    int version = 1;
    boolean exists = true;
    boolean answersWithTicket = true;
    /** Fields this helpdesk accepts in a write and silently leaves unchanged (ServiceNow ACLs). */
    final Set<String> silentlyIgnored = new HashSet<>();
    final Deque<Fault> faults = new ArrayDeque<>();
    final Deque<HttpApiException> failures = new ArrayDeque<>();
    /** Runs right before the next send is handled: a human editing at the worst moment. */
    Runnable beforeSend;
    int sends;
    int fetches;
    Priority defaultPriority;

    MemoryDesk(Concurrency concurrency) {
        this.concurrency = concurrency;
    }

    /** A human edit: bumps the version like any change. */
    void human(Runnable edit) {
        edit.run();
        version++;
    }

    long notes() {
        return comments.stream().filter(Comment::isInternal).count();
    }

    @Override
    public Concurrency concurrency() {
        return concurrency;
    }

    @Override
    public synchronized Ticket fetch(TicketRef ref) {
        fetches++;
        if (!exists) {
            throw new NotFoundException("memory", "GET", "/tickets/7", ErrorDetails.NONE);
        }
        return snapshot(true);
    }

    private Ticket snapshot(boolean withThread) {
        Ticket.Builder b = Ticket.builder(id).priority(priority).status(status).group(group).tags(tags)
                .customFields(fields).version(String.valueOf(version));
        if (withThread) {
            comments.forEach(b::addComment);
        }
        return b.build();
    }

    @Override
    public boolean supportsField(String logicalName) {
        return !logicalName.equals("unsupported");
    }

    @Override
    public boolean isDefault(String writeKey, String value) {
        return writeKey.equals("priority") && defaultPriority != null && defaultPriority.name().equals(value);
    }

    @Override
    public synchronized Sent send(TicketRef ref, WriteBackDiff.Changes changes, Ticket current) {
        sends++;
        if (beforeSend != null) {
            Runnable r = beforeSend;
            beforeSend = null;
            r.run();
        }
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
        Fault fault = faults.poll();
        if (fault == Fault.CONFLICT) {
            throw new ConflictException("memory", "PUT", "/tickets/7", ErrorDetails.NONE);
        }
        if (concurrency == Concurrency.COMPARE_AND_SET && !String.valueOf(version).equals(current.version())) {
            throw new ConflictException("memory", "PUT", "/tickets/7", ErrorDetails.NONE);
        }
        // one request carries values and the note; a reply goes alone, as on Zendesk
        boolean values = changes.hasValues();
        boolean note = changes.internalNote() != null;
        boolean reply = changes.publicReply() != null && !note;
        tags.addAll(changes.newTags());
        if (changes.priority() != null) {
            priority = changes.priority();
        }
        if (changes.group() != null) {
            group = changes.group();
        }
        changes.fields().forEach((k, v) -> {
            if (!silentlyIgnored.contains(k)) {
                fields.put(k, v);
            }
        });
        if (note) {
            comments.add(new Comment("n" + comments.size(), AuthorRole.SYSTEM, null, false, null,
                    MessageText.parse("<p>" + changes.internalNote().replace("\n", "<br>") + "</p>")));
        }
        if (reply) {
            comments.add(new Comment("r" + comments.size(), AuthorRole.SYSTEM, null, true, null,
                    MessageText.parse(changes.publicReply())));
        }
        version++;
        if (fault == Fault.LOSE_ANSWER_AFTER_APPLYING) {
            throw new TransportException("memory", "PUT", "/tickets/7", true, new SocketTimeoutException("read"));
        }
        return new Sent(values, note, reply, answersWithTicket ? snapshot(false) : null);
    }
}
