package de.kielregion.kooperation.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal of one of the services (4xx or 5xx), read from its RFC 9457 problem+json: the
 * status, the service's detail and the violations per field, for showing next to a form.
 */
@io.quarkus.qute.TemplateData
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> violations;

    public ServiceProblem(int status, String title, String detail, Map<String, String> violations) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? Map.of() : new LinkedHashMap<>(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Field (as the service names it, e.g. {@code title} or {@code financing[0].amount}) to message. */
    public Map<String, String> violations() {
        return violations;
    }

    /** The violation for {@code field}, or null. */
    public String violation(String field) {
        return violations.get(field);
    }

    /** Violations whose field the form does not show (to list above the form). */
    public List<String> otherViolations(java.util.Collection<String> shownFields) {
        return violations.entrySet().stream()
                .filter(e -> !shownFields.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue())
                .toList();
    }
}
