package dev.deskassist.core.triage.entity;

import java.util.Map;

/** The check-digit rules that separate real card numbers and IBANs from look-alike digit runs. */
public final class Checksums {

    /** IBAN lengths of the countries customers of European shops write most; others get 15..34. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("DE", 22), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("LI", 21),
            Map.entry("FR", 27), Map.entry("BE", 16), Map.entry("NL", 18), Map.entry("LU", 20),
            Map.entry("IT", 27), Map.entry("ES", 24), Map.entry("PT", 25), Map.entry("PL", 28),
            Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("DK", 18), Map.entry("SE", 24),
            Map.entry("NO", 15), Map.entry("FI", 18), Map.entry("CZ", 24), Map.entry("SK", 24),
            Map.entry("HU", 28), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("SI", 19),
            Map.entry("RO", 24), Map.entry("BG", 22), Map.entry("MC", 27), Map.entry("MT", 31));

    private Checksums() {
    }

    /** Luhn (mod 10) over the digits of {@code digits}, which holds only '0'..'9'. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /**
     * UPU S10 check digit of a postal item id such as {@code RR123456785DE}: weights 8,6,4,2,3,5,9,7
     * over the first eight digits, 11 minus the sum mod 11, where 10 becomes 0 and 11 becomes 5.
     */
    static boolean s10Valid(CharSequence id, int digitsStart) {
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            sum += (id.charAt(digitsStart + k) - '0') * weights[k];
        }
        int check = 11 - sum % 11;
        check = check == 10 ? 0 : check == 11 ? 5 : check;
        return id.charAt(digitsStart + 8) - '0' == check;
    }

    /** Expected length for the IBAN's country, or -1 when the country is not in the table. */
    static int ibanLength(String country) {
        return IBAN_LENGTHS.getOrDefault(country, -1);
    }

    /** ISO 13616 check: move the first four characters to the end, letters to 10..35, mod 97 must be 1. */
    public static boolean ibanValid(CharSequence iban) {
        int n = iban.length();
        if (n < 15 || n > 34) {
            return false;
        }
        int expected = ibanLength(iban.subSequence(0, 2).toString());
        if (expected > 0 && expected != n) {
            return false;
        }
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }
}
