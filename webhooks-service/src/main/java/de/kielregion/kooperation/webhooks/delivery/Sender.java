package de.kielregion.kooperation.webhooks.delivery;

import de.kielregion.kooperation.webhooks.WebhooksConfig;
import io.vertx.core.Future;
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
    /** An answer announced larger than this is not read (the connection is reset). */
    static final long MAX_ANSWER = 64 * 1024;

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
                        return Future.failedFuture("timed out before sending");
                    }
                    return request.send(Buffer.buffer(body)).compose(response -> {
                        int status = response.statusCode();
                        Duration retryAfter = retryAfter(response.getHeader("Retry-After"));
                        String length = response.getHeader("Content-Length");
                        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_ANSWER) {
                            request.reset();
                            return Future.succeededFuture(new Answer(
                                    status,
                                    null,
                                    "answer of " + length + " bytes not read",
                                    millis(started),
                                    retryAfter));
                        }
                        // body() also when the answer has ended already (a 204 often has by now).
                        return response.body()
                                .map(buffer -> new Answer(status, first(buffer), null, millis(started), retryAfter));
                    });
                })
                .onComplete(result -> answer.complete(
                        result.succeeded()
                                ? result.result()
                                : new Answer(0, null, describe(result.cause()), millis(started))));
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

    private static String first(Buffer buffer) {
        if (buffer == null || buffer.length() == 0) {
            return "";
        }
        String text = buffer.getBuffer(0, Math.min(buffer.length(), KEEP)).toString(StandardCharsets.UTF_8);
        return text.length() > KEEP ? text.substring(0, KEEP) : text;
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
