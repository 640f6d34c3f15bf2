package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.ProblemTexts;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request rate limit per client (OWASP API Top 10, item 4): a token bucket per caller — the
 * token's subject, so each person and each IT system has its own; an anonymous caller (the public
 * calendar feed) is counted by the address of the connection's peer, never by a forwarded address —
 * refilled at {@code ostsee.rate-limit.per-second} up to
 * {@code ostsee.rate-limit.burst}. A request takes 1 token, an operation marked {@link
 * RequestCost} its cost, and a body one more token per 64 KB begun after the first (a bulk push of
 * 10,000 activities, ~3 MB, takes ~50). A caller whose bucket is empty is answered 429
 * problem+json with {@code Retry-After} (whole seconds until enough tokens are back) and changes
 * nothing. Counted per instance: with n replicas a client may send n times as much.
 */
@ApplicationScoped
public class RateLimits {

    /** Buckets of so many callers at most; beyond it they start anew (full), which only lets more through. */
    private static final int MAX_CALLERS = 100_000;

    private static final long BODY_UNIT = 64 * 1024;

    @ConfigProperty(name = "ostsee.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "ostsee.rate-limit.per-second", defaultValue = "100")
    long perSecond;

    @ConfigProperty(name = "ostsee.rate-limit.burst", defaultValue = "400")
    long burst;

    @Inject
    CurrentIdentityAssociation identities;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Uni<Response> limit(
            ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http, HttpHeaders headers) {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        long cost = cost(resource, request);
        // A token that does not authenticate on a public operation (the calendar feed): counted by address.
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            ConsumptionProbe probe = bucket(caller(identity, http)).tryConsumeAndReturnRemaining(cost);
            if (probe.isConsumed()) {
                return null;
            }
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return refused(request, headers, seconds);
        });
    }

    /** The tokens this request takes (never more than a full bucket, or it could never pass). */
    long cost(ResourceInfo resource, ContainerRequestContext request) {
        long cost = 1;
        if (resource != null && resource.getResourceMethod() != null) {
            RequestCost declared = resource.getResourceMethod().getAnnotation(RequestCost.class);
            if (declared != null) {
                cost = Math.max(1, declared.value());
            }
        }
        long length = request.getLength();
        if (length > BODY_UNIT) {
            cost += (length - 1) / BODY_UNIT;
        }
        return Math.min(cost, burst);
    }

    private Bucket bucket(String caller) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                caller,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .build());
    }

    private static String caller(SecurityIdentity identity, HttpServerRequest http) {
        if (identity == null || identity.isAnonymous()) {
            // The connection's peer, not a forwarded address a client can write itself (X-Forwarded-For).
            var peer = http.connection() == null ? null : http.connection().remoteAddress();
            return "address:" + (peer == null ? "unknown" : peer.hostAddress());
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "subject:" + jwt.getSubject();
        }
        return "name:" + principal.getName();
    }

    private Response refused(ContainerRequestContext request, HttpHeaders headers, long seconds) {
        Locale language;
        try {
            language = ProblemTexts.language(headers.getAcceptableLanguages());
        } catch (RuntimeException e) {
            language = ProblemTexts.language(List.of());
        }
        String key = "rate-limited";
        Problem problem = new Problem(
                        ProblemTexts.TYPE + key,
                        "Too Many Requests",
                        429,
                        ProblemTexts.render(
                                key,
                                Map.of("perSecond", perSecond, "burst", burst, "seconds", seconds),
                                Map.of(),
                                language),
                        null,
                        Map.of())
                .withInstance(request.getUriInfo().getPath());
        return Response.status(429)
                .type(Problem.MEDIA)
                .header("Retry-After", Long.toString(seconds))
                .entity(problem)
                .build();
    }
}
