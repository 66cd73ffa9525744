package dev.deskassist.core.http;

/**
 * Reads a service's error body into {@link ErrorDetails}. {@link JsonErrorBodyParser} knows the
 * shapes of Zendesk, Freshdesk, ServiceNow, OpenAI and Anthropic; a service with another shape
 * plugs in its own.
 */
@FunctionalInterface
public interface ErrorBodyParser {

    /** Never throws; returns {@link ErrorDetails#NONE} for a body it cannot read. */
    ErrorDetails parse(int status, String contentType, String body);
}
