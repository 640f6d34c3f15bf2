package de.kielregion.kooperation.platform.problem;

/** One invalid field of a request: where it is and what is wrong with it. */
public record Violation(String field, String message) {}
