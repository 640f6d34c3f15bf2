package de.kielregion.kooperation.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.ProblemTexts;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal answered in the HTTP layer, before the REST layer sees the request (a body, a URI or
 * header fields larger than accepted, too many requests): problem+json with a keyed sentence of
 * the platform's bundles in the caller's language, as every other refusal.
 */
final class RouteProblems {

    private RouteProblems() {}

    /** The problem of {@code key} (texts of the platform) with {@code status}, in the caller's language. */
    static Problem problem(RoutingContext context, int status, String reason, String key, Map<String, ?> params) {
        return new Problem(
                        ProblemTexts.TYPE + key,
                        reason,
                        status,
                        ProblemTexts.render(key, params, Map.of(), language(context)),
                        null,
                        Map.of())
                .withInstance(instance(context.request().path()));
    }

    /** The request's path as the problem's instance, cut at 256 characters (a 414's path is up to 64 KB). */
    private static String instance(String path) {
        return path == null || path.length() <= 256 ? path : path.substring(0, 256) + "…";
    }

    /**
     * Sends {@code problem}; with {@code close} an HTTP/1.x connection is closed once it is out (the
     * request's body is not read, so the connection cannot carry another request).
     */
    static void answer(RoutingContext context, Problem problem, ObjectMapper json, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.getStatus() + "}";
        }
        var response = context.response()
                .setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // HTTP/1.x only: an HTTP/2 stream ends by itself, and HTTP/2 forbids the Connection header
        // (a client then rejects the whole answer); closing would end the other streams too.
        if (close && context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(done -> context.request().connection().close());
        }
        response.end(body);
    }

    private static Locale language(RoutingContext context) {
        try {
            return ProblemTexts.language(context.acceptableLanguages().stream()
                    .map(l -> Locale.forLanguageTag(l.tag()))
                    .toList());
        } catch (RuntimeException e) {
            return ProblemTexts.language(List.of()); // an Accept-Language that does not parse
        }
    }
}
