package de.kielregion.kooperation.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one request of an operation costs of its caller's rate limit ({@link RateLimits}): an
 * export or a PDF, which costs the service many times an ordinary read, more than 1. A request
 * body adds to it by its size (see {@link RateLimits}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequestCost {

    /** An export (CSV, XLSX, GeoJSON) or a document (PDF, Markdown): ten ordinary requests. */
    int EXPORT = 10;

    /** Tokens of the caller's bucket one request takes. */
    int value();
}
