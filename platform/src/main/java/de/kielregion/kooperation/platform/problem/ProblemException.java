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

    public ProblemException(Problem problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return of(Status.NOT_FOUND, what + " " + id + " does not exist");
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
}
