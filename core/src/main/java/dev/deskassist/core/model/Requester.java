package dev.deskassist.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer who raised a ticket. {@code segments} are labels such as {@code vip} or
 * {@code enterprise}, normalized to lower case, that priority policies can react to.
 */
public record Requester(String id, String name, String email, String organization, Set<String> segments) {

    public static final Requester UNKNOWN = new Requester(null, null, null, null, Set.of());

    public Requester {
        segments = segments == null ? Set.of() : segments.stream()
                .filter(Objects::nonNull)
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Requester of(String name, String email) {
        return new Requester(null, name, email, null, Set.of());
    }

    /** True when the requester carries the segment label, ignoring case. */
    public boolean inSegment(String segment) {
        return segments.contains(segment.toLowerCase(Locale.ROOT));
    }

    public Requester withSegments(Set<String> newSegments) {
        return new Requester(id, name, email, organization, newSegments);
    }

    @Override
    public String toString() {
        // Personal data stays out of toString so that it cannot leak into logs by accident.
        return "Requester[id=" + id + ", segments=" + segments + "]";
    }
}
