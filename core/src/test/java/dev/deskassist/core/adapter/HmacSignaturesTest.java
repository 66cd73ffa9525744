package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignaturesTest {

    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    private static final String RFC4231_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void hexMatchesRfc4231Vector() {
        assertEquals(RFC4231_HEX, HmacSignatures.hex("Jefe", "what do ya want ".getBytes(StandardCharsets.UTF_8),
                "for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void base64IsTheSameDigest() {
        String b64 = HmacSignatures.base64("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertEquals(RFC4231_HEX, java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(b64)));
    }

    @Test
    void comparisonIsExactAndNullSafe() {
        assertTrue(HmacSignatures.matches("abc=", "abc="));
        assertTrue(HmacSignatures.matches("abc=", " abc=\n"));
        assertFalse(HmacSignatures.matches("abc=", "abd="));
        assertFalse(HmacSignatures.matches("abc=", "abc"));
        assertFalse(HmacSignatures.matches("abc=", null));
        assertFalse(HmacSignatures.matches(null, "abc="));
    }

    @Test
    void aThreadSwitchingSecretsGetsEachSecretsDigest() {
        byte[] key = "first".getBytes(StandardCharsets.UTF_8);
        String first = HmacSignatures.hex("first", "body".getBytes(StandardCharsets.UTF_8));
        String second = HmacSignatures.hex("second", "body".getBytes(StandardCharsets.UTF_8));
        assertFalse(first.equals(second));
        assertEquals(first, HmacSignatures.hex("first", "body".getBytes(StandardCharsets.UTF_8)));
        // the cached Mac must not follow a caller's later change to its key array
        byte[] digest = HmacSignatures.hmacSha256(key, "body".getBytes(StandardCharsets.UTF_8));
        key[0] = 'F';
        assertFalse(java.util.Arrays.equals(digest, HmacSignatures.hmacSha256(key, "body".getBytes(StandardCharsets.UTF_8))));
        assertEquals(first, HmacSignatures.hex("first", "body".getBytes(StandardCharsets.UTF_8)));
    }
}
