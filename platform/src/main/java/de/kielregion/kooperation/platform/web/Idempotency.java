package de.kielregion.kooperation.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.EntityTag;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Safe retries of POST requests: a client sends {@code Idempotency-Key} (a key of its choice);
 * the same caller sending the same key to the same address with the same body within
 * {@value #RETENTION_HOURS} hours gets the first response again (status, Location, ETag, body),
 * and nothing happens a second time: no second row, no second event. The same key with another
 * body is a 422. The key is claimed in the same transaction as the change it answers, so a
 * retry racing the first request waits for it, and a first request that fails leaves the key
 * free for the retry.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 255;
    public static final int RETENTION_HOURS = 24;
    /** Set on a response that repeats the first one. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final Duration RETENTION = Duration.ofHours(RETENTION_HOURS);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final AtomicLong NEXT_PRUNE = new AtomicLong();

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null || !context.getMethod().isAnnotationPresent(POST.class)) {
            return context.proceed();
        }
        check(key);
        String scope =
                (identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName()) + " POST " + request.path();
        String fingerprint = fingerprint(context.getParameters());
        try {
            return QuarkusTransaction.joiningExisting().call(() -> claimAndRun(context, scope, key, fingerprint));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object claimAndRun(InvocationContext context, String scope, String key, String fingerprint)
            throws Exception {
        pruneNowAndThen();
        Instant now = Instant.now();
        entityManager
                .createNativeQuery("DELETE FROM idempotency_key WHERE scope = ?1 AND key = ?2 AND created_at < ?3")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, now.minus(RETENTION))
                .executeUpdate();
        // Waits for a concurrent request holding the same key until it commits or rolls back.
        int claimed = entityManager
                .createNativeQuery("INSERT INTO idempotency_key (scope, key, fingerprint, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (scope, key) DO NOTHING")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
            return replay(context, scope, key, fingerprint);
        }
        Object result = context.proceed();
        remember(scope, key, result);
        return result;
    }

    private Object replay(InvocationContext context, String scope, String key, String fingerprint) throws Exception {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT fingerprint, status, location, etag, body "
                        + "FROM idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.refusal("idempotency.expired").conflict();
        }
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.refusal("idempotency.key-reused")
                    .with("hours", RETENTION_HOURS)
                    .unprocessable(HEADER);
        }
        if (row[1] == null) {
            throw ProblemException.refusal("idempotency.in-progress").conflict();
        }
        Type declared = context.getMethod().getGenericReturnType();
        boolean typed =
                declared instanceof ParameterizedType parameterized && parameterized.getRawType() == RestResponse.class;
        Type entityType = typed ? ((ParameterizedType) declared).getActualTypeArguments()[0] : declared;
        JavaType javaType = json.getTypeFactory().constructType(entityType);
        Object entity = row[4] == null ? null : json.readValue((String) row[4], javaType);
        request.response().putHeader(REPLAYED, "true");
        if (!typed) {
            return entity;
        }
        RestResponse.ResponseBuilder<Object> answer = RestResponse.ResponseBuilder.create(((Number) row[1]).intValue())
                .entity(entity);
        if (row[2] != null) {
            answer.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            answer.tag(EntityTag.valueOf((String) row[3]));
        }
        return answer.build();
    }

    private void remember(String scope, String key, Object result) throws JsonProcessingException {
        int status = 200;
        String location = null;
        String etag = null;
        Object entity = result;
        if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            location = response.getLocation() == null
                    ? null
                    : response.getLocation().toString();
            etag = response.getEntityTag() == null
                    ? null
                    : response.getEntityTag().toString();
            entity = response.getEntity();
        }
        entityManager
                .createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, etag = ?3, body = ?4 "
                        + "WHERE scope = ?5 AND key = ?6")
                .setParameter(1, status)
                .setParameter(2, location)
                .setParameter(3, etag)
                .setParameter(4, entity == null ? null : json.writeValueAsString(entity))
                .setParameter(5, scope)
                .setParameter(6, key)
                .executeUpdate();
    }

    private void pruneNowAndThen() {
        long now = System.nanoTime();
        long next = NEXT_PRUNE.get();
        if ((next == 0 || now - next >= 0) && NEXT_PRUNE.compareAndSet(next, now + PRUNE_EVERY.toNanos())) {
            int pruned = entityManager
                    .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                    .setParameter(1, Instant.now().minus(RETENTION))
                    .executeUpdate();
            LOG.debugf("Pruned %d idempotency keys older than %s", pruned, RETENTION);
        }
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.refusal("idempotency.key-length")
                    .with("max", MAX_KEY_LENGTH)
                    .invalid(HEADER);
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.refusal("idempotency.key-characters").invalid(HEADER);
        }
    }

    /** The request's path parameters and body as the resource received them, as a hash. */
    private String fingerprint(Object[] parameters) throws JsonProcessingException {
        byte[] canonical = json.writeValueAsBytes(parameters);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
