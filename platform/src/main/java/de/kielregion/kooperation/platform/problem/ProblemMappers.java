package de.kielregion.kooperation.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service as RFC 9457 problem+json: bad input is a 4xx with a message
 * that says what to fix, and an unexpected error is a 500 that leaks nothing but an error id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return e.problem(language(headers)).withInstance(path(uri)).toResponse();
    }

    /** The caller's language among German and English (English for a caller that does not say). */
    static java.util.Locale language(jakarta.ws.rs.core.HttpHeaders headers) {
        try {
            return ProblemTexts.language(headers == null ? null : headers.getAcceptableLanguages());
        } catch (RuntimeException e) {
            return java.util.Locale.ENGLISH; // an Accept-Language that does not parse
        }
    }

    /** When a client may try again after the database was unavailable (a restart takes a few seconds). */
    static final int RETRY_AFTER_SECONDS = 2;

    /** When a client may try again after the identity provider was unavailable (Keycloak starts in 20–30 s). */
    static final int IDENTITY_RETRY_AFTER_SECONDS = 10;

    /** A problem of the platform's own, keyed, in the caller's language. */
    private static Problem said(
            Status status, String key, java.util.Map<String, ?> params, jakarta.ws.rs.core.HttpHeaders headers) {
        return new Problem(
                ProblemTexts.TYPE + key,
                status.getReasonPhrase(),
                status.getStatusCode(),
                ProblemTexts.render(key, params, java.util.Map.of(), language(headers)),
                null,
                java.util.Map.of());
    }

    @ServerExceptionMapper
    public Response validation(
            ResteasyReactiveViolationException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return badRequest(
                "The request body is not valid JSON: " + firstLine(e.getOriginalMessage()) + location(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = expected(e);
        String detail = field.isEmpty()
                ? "The request body does not have the expected structure: " + message
                : "Field '" + field + "' has an invalid value: " + message;
        Problem problem = Problem.of(Status.BAD_REQUEST, detail).withInstance(path(uri));
        if (!field.isEmpty()) {
            problem = problem.with("violations", List.of(new Violation(field, message)));
        }
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return badRequest("The request body cannot be read as JSON: " + firstLine(e.getOriginalMessage()), uri);
    }

    /** No token, or one that is not valid here: 401 with the challenge and a problem body. */
    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class
    })
    public Response unauthorized(RuntimeException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return Response.fromResponse(said(Status.UNAUTHORIZED, "unauthorized", java.util.Map.of(), headers)
                        .withInstance(path(uri))
                        .toResponse())
                .header("WWW-Authenticate", "Bearer realm=\"ostsee\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(
            io.quarkus.security.ForbiddenException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return said(Status.FORBIDDEN, "forbidden", java.util.Map.of(), headers)
                .withInstance(path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return conflict(uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return conflict(uri, headers);
    }

    @ServerExceptionMapper
    public Response entityNotFound(EntityNotFoundException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return said(Status.NOT_FOUND, "resource-not-found", java.util.Map.of(), headers)
                .withInstance(path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        // The JSON body reader wraps some Jackson errors: answer with the specific message.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri, headers);
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? defaultDetail(status.getStatusCode())
                : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(e.getResponse())
                .type(Problem.MEDIA)
                .entity(Problem.of(status, detail).withInstance(path(uri)));
        return builder.build();
    }

    /**
     * Quarkus' body reader stops a streamed body at {@code quarkus.http.limits.max-body-size},
     * answers 413 itself and throws this: an oversized request, not an error of ours.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        if ("Request too large".equals(e.getMessage())) {
            LOG.debugf("Request body on %s cut off at the size limit", path(uri));
            return said(
                            Status.REQUEST_ENTITY_TOO_LARGE,
                            "http.body-too-large",
                            java.util.Map.of("max", maxBodySize.asLongValue()),
                            headers)
                    .withInstance(path(uri))
                    .toResponse();
        }
        return unexpected(e, uri, headers);
    }

    /** A 503 that says what cannot be reached and, in Retry-After, when to come again. */
    private static Response unavailable(
            String key, int seconds, Throwable e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        LOG.warnf("%s on %s: %s", key, path(uri), e.getMessage());
        return Response.fromResponse(
                        said(Status.SERVICE_UNAVAILABLE, key, java.util.Map.of("seconds", seconds), headers)
                                .withInstance(path(uri))
                                .toResponse())
                .header("Retry-After", Integer.toString(seconds))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        // A failed commit wraps the cause: a lost race on a version or a unique key is a 409.
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return conflict(uri, headers);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "23505".equals(violation.getSQLState())) {
                return said(Status.CONFLICT, "duplicate", java.util.Map.of(), headers)
                        .withInstance(path(uri))
                        .toResponse();
            }
            if (t instanceof ProblemException problem) {
                return problem.problem(language(headers))
                        .withInstance(path(uri))
                        .toResponse();
            }
        }
        if (IdentityProviderUnavailable.causedBy(e)) {
            // Started while Keycloak was down: no keys to check tokens with yet. Nothing was done.
            return unavailable("identity-provider-unavailable", IDENTITY_RETRY_AFTER_SECONDS, e, uri, headers);
        }
        if (de.kielregion.kooperation.platform.db.DatabaseUnavailable.causedBy(e)) {
            // The database is restarting or out of connections: the request was rolled back and
            // can be sent again in a moment (not an error of ours, nor of the caller's).
            return unavailable("database-unavailable", RETRY_AFTER_SECONDS, e, uri, headers);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return said(Status.INTERNAL_SERVER_ERROR, "unexpected", java.util.Map.of("errorId", errorId), headers)
                .withInstance(path(uri))
                .with("errorId", errorId)
                .toResponse();
    }

    private Response violations(ConstraintViolationException e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri, headers);
        }
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        String detail = violations.size() == 1
                ? ProblemTexts.render(
                        "violation.one",
                        java.util.Map.of(
                                "field",
                                violations.get(0).field(),
                                "message",
                                violations.get(0).message()),
                        java.util.Map.of(),
                        language(headers))
                : ProblemTexts.render(
                        "violation.many",
                        java.util.Map.of(
                                "count",
                                violations.size(),
                                "fields",
                                violations.stream()
                                        .map(Violation::field)
                                        .distinct()
                                        .collect(Collectors.joining(", "))),
                        java.util.Map.of(),
                        language(headers));
        return Problem.of(Status.BAD_REQUEST, detail)
                .withInstance(path(uri))
                .with("violations", violations)
                .toResponse();
    }

    /**
     * The path of a violation as a client sees it: without the Java method, and without the
     * parameter name when the violation is inside a request body ({@code create.body.name}
     * becomes {@code name}).
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int start = 0;
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            start = 1;
        }
        if (nodes.size() > start + 1 && nodes.get(start).getKind() == ElementKind.PARAMETER) {
            start++;
        }
        for (int i = start; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new java.util.ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Response badRequest(String detail, UriInfo uri) {
        return Problem.of(Status.BAD_REQUEST, detail).withInstance(path(uri)).toResponse();
    }

    private static Response conflict(UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return said(Status.CONFLICT, "changed-meanwhile", java.util.Map.of(), headers)
                .withInstance(path(uri))
                .toResponse();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /**
     * What was expected, in a client's words ("a date like 2024-11-20"), never our class names;
     * Jackson's own message only where it names no Java type.
     */
    static String expected(JsonMappingException e) {
        Class<?> type =
                e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (type == java.time.LocalDate.class) {
            return "expected a date like 2024-11-20";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "expected a date and time like 2024-11-20T10:00:00Z";
        }
        if (type == java.util.UUID.class) {
            return "expected an id like 3f2c8a9e-1b4d-4c6e-9a7b-2d5e8f1a3c6b";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "expected a number like 1500.00";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type != null && type.isEnum()) {
            return "expected one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == String.class
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("must ")) {
            return firstLine(e.getOriginalMessage());
        }
        if (type == String.class) {
            return "expected text";
        }
        if (type != null && (java.util.Collection.class.isAssignableFrom(type) || type.isArray())) {
            return "expected a list";
        }
        String original = firstLine(e.getOriginalMessage());
        return original.contains("`") || original.contains("java.") ? "expected another kind of value" : original;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is no resource at this address";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "The request's content type is not supported; send application/json";
            default ->
                Status.fromStatusCode(status) == null
                        ? "The request failed"
                        : Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
