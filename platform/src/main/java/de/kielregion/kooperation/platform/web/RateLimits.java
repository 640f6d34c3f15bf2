package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.ProblemTexts;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
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
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request rate limit per client (OWASP API Top 10, item 4): a token bucket per caller — the
 * token's subject, so each person and each IT system has its own; a caller without a valid token
 * (the public calendar feed) is counted by the address of the connection's peer, never by a
 * forwarded address, and so are the answers 401 an address gets (a flood of requests the role
 * check refuses is refused 429 before that check once they exceed the same rate) —
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

    /** The buckets' clock: the system's, or a test's that it advances itself (see {@link #useClock}). */
    private volatile TimeMeter clock = TimeMeter.SYSTEM_MILLISECONDS;

    /** Per address: the answers 401 it may still get before it is refused 429 (the same rate). */
    private final Map<String, Bucket> unauthorized = new ConcurrentHashMap<>();

    /**
     * Before the request is matched, and so before an operation's role check: a caller without a
     * valid token (none, expired, forged) whose address has used up its refusals (answers 401,
     * counted by {@link #countRefusal}) is answered 429 — a flood of requests the role check would
     * refuse is limited like any other. A valid token from the same address is not affected.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limitUnauthenticated(
            ContainerRequestContext request, HttpServerRequest http, HttpHeaders headers) {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        return identity().map(identity -> {
            if (authenticated(identity)) {
                return null;
            }
            Bucket refusals = unauthorized.get(address(http));
            if (refusals == null) {
                return null;
            }
            EstimationProbe probe = refusals.estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? null : refused(request, headers, seconds(probe.getNanosToWaitForRefill()));
        });
    }

    /** An answer 401 takes a token of its address' refusals (see {@link #limitUnauthenticated}). */
    @ServerResponseFilter
    public void countRefusal(ContainerResponseContext response, HttpServerRequest http) {
        if (enabled && response.getStatus() == 401) {
            bucket(unauthorized, address(http)).tryConsume(1);
        }
    }

    @ServerRequestFilter
    public Uni<Response> limit(
            ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http, HttpHeaders headers) {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        long cost = cost(resource, request);
        // A token that does not authenticate on a public operation (the calendar feed): counted by address.
        return identity().map(identity -> {
            ConsumptionProbe probe = bucket(buckets, caller(identity, http)).tryConsumeAndReturnRemaining(cost);
            return probe.isConsumed() ? null : refused(request, headers, seconds(probe.getNanosToWaitForRefill()));
        });
    }

    /** The caller, or null when its token does not authenticate (counted by address, as anonymous). */
    private Uni<SecurityIdentity> identity() {
        return identities.getDeferredIdentity().onFailure().recoverWithNull();
    }

    private static boolean authenticated(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous();
    }

    /** Whole seconds, at least one. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
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

    private Bucket bucket(Map<String, Bucket> of, String caller) {
        if (of.size() > MAX_CALLERS) {
            of.clear();
        }
        return of.computeIfAbsent(
                caller,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .withCustomTimePrecision(clock)
                        .build());
    }

    /**
     * For a test: the buckets from now on (all callers start anew, full) measure time by {@code
     * clock}, so that a test decides when tokens come back instead of depending on how fast the
     * machine runs its steps.
     */
    void useClock(TimeMeter clock) {
        this.clock = clock;
        buckets.clear();
        unauthorized.clear();
    }

    private static String caller(SecurityIdentity identity, HttpServerRequest http) {
        if (identity == null || identity.isAnonymous()) {
            return address(http);
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "subject:" + jwt.getSubject();
        }
        return "name:" + principal.getName();
    }

    /** The connection's peer, not a forwarded address a client can write itself (X-Forwarded-For). */
    private static String address(HttpServerRequest http) {
        var peer = http.connection() == null ? null : http.connection().remoteAddress();
        return "address:" + (peer == null ? "unknown" : peer.hostAddress());
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
