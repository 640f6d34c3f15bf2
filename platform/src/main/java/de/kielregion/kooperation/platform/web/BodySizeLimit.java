package de.kielregion.kooperation.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is
 * answered 413 problem+json, saying the limit, before a byte of it is read (Quarkus' own guard
 * right after this one answers with an empty body). A body that only turns out too large while
 * it streams in (chunked, no Content-Length) is cut off by Quarkus' body reader, which answers a
 * plain 413 before any of our code runs; {@link de.kielregion.kooperation.platform.problem.ProblemMappers}
 * only keeps that out of the error log.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !tooLarge(declared)) {
            context.next();
            return;
        }
        // The body is not read: the connection is closed once the answer is out.
        RouteProblems.answer(
                context,
                RouteProblems.problem(
                        context,
                        413,
                        "Content Too Large",
                        "http.body-declared-too-large",
                        Map.of("length", Long.parseLong(declared.trim()), "max", limit.asLongValue())),
                json,
                true);
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
