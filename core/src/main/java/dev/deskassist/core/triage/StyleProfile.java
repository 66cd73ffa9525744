package dev.deskassist.core.triage;

/**
 * How the customer writes, so that a reply can answer in kind: register, form of address
 * (Sie/Du, vous/tu, usted/tú), technical level and message length.
 */
public record StyleProfile(Formality formality, Address address, Expertise expertise, Length length) {

    /** Register of the writing. */
    public enum Formality { FORMAL, INFORMAL, UNKNOWN }

    /** Form of address: Sie / vous / usted / u is {@code FORMAL}; du / tu / tú / jij is {@code INFORMAL}. */
    public enum Address { FORMAL, INFORMAL, UNKNOWN }

    /** Error codes, stack traces and API terms make an expert; plain descriptions of symptoms a beginner. */
    public enum Expertise { EXPERT, BEGINNER, UNKNOWN }

    /** Whether the customer writes a line or a page. */
    public enum Length { SHORT, LONG }

    public static final StyleProfile UNKNOWN =
            new StyleProfile(Formality.UNKNOWN, Address.UNKNOWN, Expertise.UNKNOWN, Length.SHORT);
}
