package de.kielregion.kooperation.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of a request's URI and header fields, answered 414 and 431 as problem+json. The
 * HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}) are 64 KB (platform defaults), so that a request over these limits
 * reaches this check and hears why; only one over the codec's limits is closed by the codec
 * unanswered (Quarkus has no hook for the codec's refusals).
 */
@ApplicationScoped
public class HttpLimits {

    @ConfigProperty(name = "ostsee.http.max-uri-length", defaultValue = "4096")
    int maxUri;

    @ConfigProperty(name = "ostsee.http.max-header-size", defaultValue = "16K")
    MemorySize maxHeaders;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int uri = request.uri().length();
        if (uri > maxUri) {
            RouteProblems.answer(
                    context,
                    RouteProblems.problem(
                            context, 414, "URI Too Long", "http.uri-too-long", Map.of("length", uri, "max", maxUri)),
                    json,
                    true);
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headers > maxHeaders.asLongValue()) {
            RouteProblems.answer(
                    context,
                    RouteProblems.problem(
                            context,
                            431,
                            "Request Header Fields Too Large",
                            "http.headers-too-large",
                            Map.of("size", headers, "max", maxHeaders.asLongValue())),
                    json,
                    true);
            return;
        }
        context.next();
    }
}
