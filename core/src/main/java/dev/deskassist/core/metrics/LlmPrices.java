package dev.deskassist.core.metrics;

import dev.deskassist.core.llm.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model's tokens cost, for the {@code deskassist.llm.cost} estimate: a price per million
 * input and output tokens per model name, in one currency. Take the numbers from your provider's
 * price list; a model without a price adds no cost.
 *
 * <pre>{@code
 * LlmPrices prices = LlmPrices.builder("usd").model("gpt-4o-mini", 0.15, 0.60).build();
 * }</pre>
 */
public record LlmPrices(String currency, Map<String, Price> perModel) {

    /** The price of one model per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {

        public Price {
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                    || Double.isInfinite(outputPerMillion)) {
                throw new IllegalArgumentException("prices must be finite and >= 0");
            }
        }

        /** The cost of {@code usage} at this price. */
        public double cost(TokenUsage usage) {
            return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
        }
    }

    public LlmPrices {
        Objects.requireNonNull(currency, "currency");
        currency = currency.strip().toLowerCase(Locale.ROOT);
        if (!currency.matches("[a-z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter code such as usd or eur");
        }
        perModel = Map.copyOf(perModel);
    }

    /** No prices: no cost is estimated. */
    public static LlmPrices none() {
        return new LlmPrices("usd", Map.of());
    }

    public static Builder builder(String currency) {
        return new Builder(currency);
    }

    /** The price of {@code model}, if one was given. */
    public Optional<Price> price(String model) {
        return Optional.ofNullable(model == null ? null : perModel.get(model));
    }

    /** Builds {@link LlmPrices}. */
    public static final class Builder {
        private final String currency;
        private final Map<String, Price> prices = new LinkedHashMap<>();

        private Builder(String currency) {
            this.currency = currency;
        }

        /** The price of a model (as the client names it) per million input and output tokens. */
        public Builder model(String model, double inputPerMillion, double outputPerMillion) {
            prices.put(Objects.requireNonNull(model, "model"), new Price(inputPerMillion, outputPerMillion));
            return this;
        }

        public LlmPrices build() {
            return new LlmPrices(currency, prices);
        }
    }
}
