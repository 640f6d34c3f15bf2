package de.kielregion.kooperation.infra.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver of the tests' own: a real HTTP server on a loopback port that answers as it is told
 * (per request number: status, delay, headers), keeps every request, checks each signature on its
 * own (the Standard Webhooks algorithm written here again, not the service's code) and drops a
 * webhook-id it has accepted before, as the receiver guide says a receiver should.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** An answer: status, delay in ms, extra headers. */
    public record Reply(int status, long delayMillis, Map<String, String> headers) {
        public static Reply ok() {
            return new Reply(204, 0, Map.of());
        }

        public static Reply status(int status) {
            return new Reply(status, 0, Map.of());
        }
    }

    /** One request as it arrived. */
    public record Request(
            int number,
            Map<String, String> headers,
            byte[] body,
            int answered,
            boolean signatureValid,
            long receivedAtMillis) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Requests answered 2xx whose webhook-id was new: what the receiver processed, in order. */
    private final List<Request> processed = new CopyOnWriteArrayList<>();

    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile IntFunction<Reply> behaviour = n -> Reply.ok();

    public WebhookReceiver() {
        this(0);
    }

    /** A receiver on {@code port} (0: a free one), e.g. to come back on the port it had. */
    public WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            long receivedAt = System.currentTimeMillis();
            int number = counter.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Reply reply = behaviour.apply(number);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean valid = verify(headers, body);
            int status = valid ? reply.status() : 401;
            Request request = new Request(number, headers, body, status, valid, receivedAt);
            requests.add(request);
            if (status >= 200 && status < 300 && accepted.add(headers.get("webhook-id"))) {
                processed.add(request);
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] answer = ("answer " + number).getBytes(StandardCharsets.UTF_8);
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
            exchange.close();
        });
        server.start();
        this.port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/events";
    }

    public int port() {
        return port;
    }

    /** The secrets a valid signature may be made with (the subscription's, after a rotation both). */
    public WebhookReceiver trust(String secret) {
        secrets.add(secret);
        return this;
    }

    /** The first secret trusted (to trust it again in a receiver that takes this one's place). */
    public String secret() {
        return secrets.isEmpty() ? null : secrets.get(0);
    }

    public WebhookReceiver answer(IntFunction<Reply> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> processed() {
        return new ArrayList<>(processed);
    }

    /** The valid v1 signatures of a request, by secret (Standard Webhooks, computed here). */
    public static boolean signedWith(String secret, Map<String, String> headers, byte[] body) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal(concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
            for (String signature : signatures.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean verify(Map<String, String> headers, byte[] body) {
        String timestamp = headers.get("webhook-timestamp");
        if (timestamp == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        return secrets.stream().anyMatch(secret -> signedWith(secret, headers, body));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
