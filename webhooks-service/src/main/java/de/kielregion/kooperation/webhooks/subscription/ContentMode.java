package de.kielregion.kooperation.webhooks.subscription;

/** How an event travels in the HTTP request (CloudEvents HTTP protocol binding). */
public enum ContentMode {
    /** The whole event as JSON, {@code Content-Type: application/cloudevents+json}. */
    STRUCTURED,
    /** The attributes as {@code ce-*} headers, the data alone as the body. */
    BINARY
}
