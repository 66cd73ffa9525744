package dev.deskassist.core.privacy;

/** Kinds of personal data the pseudonymizer replaces; the name is the placeholder's prefix. */
public enum PiiKind {
    EMAIL,
    PHONE,
    IBAN,
    CARD,
    NAME,
    ORG,
    ADDRESS,
    ORDER,
    INVOICE,
    CUSTOMER
}
