package de.kielregion.kooperation.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/**
 * Thrown by domain services to answer with a specific problem (404, 409, 412, ...) without
 * knowing about HTTP responses; mapped to problem+json by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Refusal refusal;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Refusal refusal) {
        super(problem.getDetail());
        this.problem = problem;
        this.refusal = refusal;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem in the caller's language: a keyed refusal rendered anew; any other as it was made. */
    public Problem problem(java.util.Locale locale) {
        return refusal == null ? problem : refusal.problem(problem.getStatus(), locale);
    }

    /**
     * A refusal with a stable type ({@link ProblemTexts#TYPE} and {@code key}) and named
     * parameters, its sentence rendered in the caller's language from the bundles:
     * {@code throw ProblemException.refusal("allocation.not-approved").with("project", title).conflict();}
     */
    public static Refusal refusal(String key) {
        return new Refusal(key);
    }

    public static ProblemException notFound(String what, Object id) {
        return refusal("not-found")
                .with("what", new ProblemTexts.Thing(what))
                .with("id", id)
                .notFound();
    }

    public static ProblemException conflict(String detail) {
        return of(Status.CONFLICT, detail);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(
                new Problem(null, Status.CONFLICT.getReasonPhrase(), 409, detail, null, extensions));
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(Status.PRECONDITION_FAILED, detail);
    }

    public static ProblemException badRequest(String detail) {
        return of(Status.BAD_REQUEST, detail);
    }

    /** A 400 for one invalid field, in the same shape as bean-validation errors. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "Field '" + field + "' " + message)
                .with("violations", java.util.List.of(new Violation(field, message))));
    }

    public static ProblemException forbidden(String detail) {
        return of(Status.FORBIDDEN, detail);
    }

    private static ProblemException of(Response.StatusType status, String detail) {
        return new ProblemException(Problem.of(status, detail));
    }

    /** The reason phrase of a status (JAX-RS knows no 422). */
    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }

    /** A refusal being made: its key, its parameters (amounts with their unit), then its status. */
    public static final class Refusal {

        private final String key;
        private final Map<String, Object> params = new java.util.LinkedHashMap<>();
        private final Map<String, String> units = new java.util.HashMap<>();
        private String field;

        private Refusal(String key) {
            this.key = key;
        }

        /** A parameter: a text, a number, a date, a code (an enum, shown in the glossary's word). */
        public Refusal with(String name, Object value) {
            params.put(name, value);
            return this;
        }

        /** An amount in its unit (EUR: 1.500,00 €; FTE: 0,75 VZÄ). */
        public Refusal amount(String name, java.math.BigDecimal value, String unit) {
            params.put(name, value);
            units.put(name, unit);
            return this;
        }

        public ProblemException conflict() {
            return build(Status.CONFLICT);
        }

        public ProblemException badRequest() {
            return build(Status.BAD_REQUEST);
        }

        public ProblemException notFound() {
            return build(Status.NOT_FOUND);
        }

        public ProblemException forbidden() {
            return build(Status.FORBIDDEN);
        }

        public ProblemException preconditionFailed() {
            return build(Status.PRECONDITION_FAILED);
        }

        /** 422: the request is understood but cannot be done as sent (e.g. a key reused with another body). */
        public ProblemException unprocessable(String field) {
            this.field = field;
            return new ProblemException(problem(422, java.util.Locale.ENGLISH), this);
        }

        /** A 400 for one field, in the shape of bean-validation errors (the message names no field). */
        public ProblemException invalid(String field) {
            this.field = field;
            return build(Status.BAD_REQUEST);
        }

        private ProblemException build(Response.StatusType status) {
            return new ProblemException(problem(status.getStatusCode(), java.util.Locale.ENGLISH), this);
        }

        Problem problem(int status, java.util.Locale locale) {
            String text = ProblemTexts.render(key, params, units, locale);
            String detail = field == null
                    ? text
                    : ProblemTexts.render("violation.one", Map.of("field", field, "message", text), Map.of(), locale);
            Map<String, Object> extensions = new java.util.LinkedHashMap<>();
            Map<String, Object> raw = new java.util.LinkedHashMap<>();
            params.forEach((name, value) -> raw.put(name, value instanceof ProblemTexts.Thing t ? t.name() : value));
            if (!raw.isEmpty()) {
                extensions.put("params", raw);
            }
            if (field != null) {
                extensions.put("violations", java.util.List.of(new Violation(field, text)));
            }
            return new Problem(ProblemTexts.TYPE + key, reason(status), status, detail, null, extensions);
        }
    }
}
