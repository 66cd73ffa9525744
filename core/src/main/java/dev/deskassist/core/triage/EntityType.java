package dev.deskassist.core.triage;

/** Kinds of entity the extractor finds; the privacy layer pseudonymizes the personal ones. */
public enum EntityType {
    EMAIL(true),
    PHONE(true),
    IBAN(true),
    CARD_NUMBER(true),
    ORDER_NUMBER(false),
    INVOICE_NUMBER(false),
    TRACKING_NUMBER(false),
    CUSTOMER_NUMBER(true),
    AMOUNT(false),
    DATE(false),
    URL(false);

    private final boolean personal;

    EntityType(boolean personal) {
        this.personal = personal;
    }

    /** True for entities that identify a person and must never leave the process in clear text. */
    public boolean isPersonal() {
        return personal;
    }
}
