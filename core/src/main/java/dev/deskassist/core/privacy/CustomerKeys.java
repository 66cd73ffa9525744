package dev.deskassist.core.privacy;

import dev.deskassist.core.model.Requester;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys a customer is known by for consent and erasure: the requester's e-mail and helpdesk
 * id, trimmed and lower-cased, held only as SHA-256 hashes so that registries and cache indexes
 * do not keep the address itself.
 */
public final class CustomerKeys {

    private CustomerKeys() {
    }

    /** The hashed keys of a requester (e-mail and id, whichever are present). */
    public static Set<String> of(Requester r) {
        Set<String> out = new LinkedHashSet<>();
        if (r == null) {
            return out;
        }
        if (r.email() != null && !r.email().isBlank()) {
            out.add(hash(r.email()));
        }
        if (r.id() != null && !r.id().isBlank()) {
            out.add(hash(r.id()));
        }
        return out;
    }

    /** The hash of one key as given by a caller (an e-mail address or a requester id). */
    public static String hash(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(("deskassist-customer:" + k).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
