package dev.deskassist.core.llm;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code jakarta.json.Json.createReader()} and friends
 * search the provider with a ServiceLoader on every call, which showed up as the largest single
 * cost of the LLM path in the benchmark.
 */
final class JsonP {

    static final JsonProvider P = JsonProvider.provider();

    private JsonP() {
    }
}
