package dev.deskassist.core.llm;

/**
 * How an endpoint can be made to answer in JSON, best first. Servers differ: OpenAI and recent
 * vLLM honour a JSON schema, many local servers only a JSON object mode, some nothing at all.
 * Whatever the mode, every reply is still validated locally.
 */
public enum StructuredOutput {
    /** OpenAI {@code response_format: json_schema} (strict); Anthropic: a forced tool whose input schema is the schema. */
    JSON_SCHEMA,
    /** OpenAI {@code response_format: json_object} with the schema described in the prompt; Anthropic: as JSON_SCHEMA. */
    JSON_OBJECT,
    /** Nothing special on the wire; the schema is described in the system prompt. */
    INSTRUCTIONS_ONLY
}
