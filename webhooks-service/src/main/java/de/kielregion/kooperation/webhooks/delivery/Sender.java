package de.kielregion.kooperation.webhooks.delivery;

import de.kielregion.kooperation.webhooks.WebhooksConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP POST to a receiver on Vert.x's client: to the address the target policy checked (the
 * host name stays in Host and in TLS's SNI and certificate check), no redirects followed, the
 * whole attempt within the timeout, the answer's first 1 KB kept.
 */
@ApplicationScoped
public class Sender {

    /** What one attempt brought: the status code (0 when there was no answer), its first 1 KB, or the error. */
    public record Answer(int status, String body, String error, long millis, Duration retryAfter) {

        public Answer(int status, String body, String error, long millis) {
            this(status, body, error, millis, null);
        }

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    static final int KEEP = 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    Sender(Vertx vertx, WebhooksConfig config) {
        this.vertx = vertx;
        this.timeoutMillis = config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setKeepAlive(true)
                .setMaxPoolSize(8)
                .setMaxRedirects(0)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Posts {@code body} with {@code headers} to {@code target}, connecting to {@code address}. */
    public CompletableFuture<Answer> post(URI target, InetAddress address, Map<String, String> headers, byte[] body) {
        boolean https = "https".equals(target.getScheme().toLowerCase(Locale.ROOT));
        int port = target.getPort() > 0 ? target.getPort() : https ? 443 : 80;
        String uri = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        MultiMap multi = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(multi::add);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(target.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(uri)
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setHeaders(multi);
        long started = System.nanoTime();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (answer.complete(new Answer(0, null, "no answer within " + timeoutMillis + " ms", millis(started)))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        answer.whenComplete((a, e) -> vertx.cancelTimer(timer));
        client.request(options)
                .compose(request -> {
                    sent.set(request);
                    if (answer.isDone()) {
                        // The attempt timed out while the request waited for a connection: never send it late.
                        request.reset();
                        return io.vertx.core.Future.failedFuture("timed out before sending");
                    }
                    return request.send(Buffer.buffer(body));
                })
                .onFailure(e -> answer.complete(new Answer(0, null, describe(e), millis(started))))
                .onSuccess(response -> {
                    StringBuilder kept = new StringBuilder();
                    response.handler(chunk -> {
                        if (kept.length() < KEEP) {
                            String text = chunk.toString(StandardCharsets.UTF_8);
                            kept.append(text, 0, Math.min(text.length(), KEEP - kept.length()));
                        }
                    });
                    response.exceptionHandler(e -> answer.complete(
                            new Answer(response.statusCode(), kept.toString(), describe(e), millis(started))));
                    Duration retryAfter = retryAfter(response.getHeader("Retry-After"));
                    response.endHandler(v -> answer.complete(
                            new Answer(response.statusCode(), kept.toString(), null, millis(started), retryAfter)));
                });
        return answer;
    }

    /** A receiver's Retry-After (seconds or an HTTP date), or null. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
