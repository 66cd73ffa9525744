package dev.deskassist.core.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * A bounded cache of validated model answers (Caffeine), keyed by a SHA-256 of the provider,
 * model, prompt version and the pseudonymized request, so that an identical request costs
 * nothing. Entries remember which customers (hashed keys) they belong to, so that
 * {@link #erase(String)} can remove them. Holds pseudonymized text only. Thread-safe.
 */
public final class ResponseCache {

    private record Entry(LlmResponse response, Set<String> customers) {
    }

    private final Cache<String, Entry> cache;

    private ResponseCache(Cache<String, Entry> cache) {
        this.cache = cache;
    }

    /** A cache of at most {@code maxEntries} answers, each kept at most {@code ttl}; 0 entries disables it. */
    public static ResponseCache of(long maxEntries, Duration ttl) {
        if (maxEntries <= 0) {
            return new ResponseCache(null);
        }
        return new ResponseCache(Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build());
    }

    /** The cache key of a request to a client under a prompt version. */
    public static String key(LlmClient client, String promptVersion, LlmRequest r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            update(d, client.provider());
            update(d, client.model());
            update(d, client.structuredOutput().name());
            update(d, promptVersion);
            update(d, r.system());
            for (LlmMessage m : r.messages()) {
                update(d, m.role().name());
                update(d, m.content());
            }
            update(d, Integer.toString(r.maxTokens()));
            update(d, Double.toString(r.temperature()));
            update(d, r.responseSchema() == null ? "" : r.responseSchema().text());
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        // length-prefixed so that ("ab","c") and ("a","bc") hash differently
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }

    public Optional<LlmResponse> get(String key) {
        if (cache == null) {
            return Optional.empty();
        }
        Entry e = cache.getIfPresent(key);
        return e == null ? Optional.empty() : Optional.of(e.response());
    }

    /** Stores an answer for the customers (hashed keys, see {@code CustomerKeys}) it belongs to. */
    public void put(String key, LlmResponse response, Set<String> customerHashes) {
        if (cache != null) {
            cache.put(key, new Entry(response, Set.copyOf(customerHashes)));
        }
    }

    /** Removes every answer that belongs to a customer (hashed key); returns how many. */
    public int erase(String customerHash) {
        if (cache == null) {
            return 0;
        }
        int[] n = {0};
        cache.asMap().entrySet().removeIf(e -> {
            boolean hit = e.getValue().customers().contains(customerHash);
            if (hit) {
                n[0]++;
            }
            return hit;
        });
        return n[0];
    }

    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
