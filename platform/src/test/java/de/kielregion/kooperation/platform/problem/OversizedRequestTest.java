package de.kielregion.kooperation.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.platform.testapp.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Requests larger than the server accepts are refused with the right 4xx and change nothing.
 * Raw sockets, because a client that is refused before it has sent its body would otherwise
 * only see a broken pipe.
 */
@QuarkusTest
class OversizedRequestTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    Sql sql;

    @Test
    void aDeclaredBodyOverTheLimitIs413ProblemJsonBeforeItIsRead() throws IOException {
        long before = sql.count("SELECT count(*) FROM widget");
        String answer = exchange(
                "POST /widgets HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 20000000\r\n\r\n{\"name\":\"",
                null);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("content-type: application/problem+json"), answer);
        assertTrue(
                answer.contains("\"detail\":\"The request body declares 20,000,000 bytes; at most 10,485,760 bytes"),
                answer);
        assertEquals(before, sql.count("SELECT count(*) FROM widget"));
    }

    @Test
    void aStreamedBodyOverTheLimitIs413AndChangesNothing() throws IOException {
        long before = sql.count("SELECT count(*) FROM widget");
        String head = "POST /widgets HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n9\r\n{\"name\":\"\r\n";
        String answer = exchange(head, out -> {
            byte[] chunk = ("100000\r\n" + "a".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 11; i++) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertEquals(before, sql.count("SELECT count(*) FROM widget"));
    }

    @Test
    void aTooLongAddressIs414AndTooLargeHeadersAre431AsProblemJsonInTheCallersLanguage() {
        given().header("Accept-Language", "de-DE,de;q=0.9")
                .when()
                .get("/echo?q=" + "a".repeat(10_000))
                .then()
                .statusCode(414)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ostsee-kooperation:problem:http.uri-too-long"))
                .body("status", equalTo(414))
                .body("instance", equalTo("/echo"))
                .body(
                        "detail",
                        equalTo("Die Adresse der Anfrage (Pfad und Abfrage) hat 10.008 Byte; angenommen werden"
                                + " höchstens 4.096 Byte. Lange Filter bitte im Rumpf einer Anfrage senden oder die"
                                + " Anfrage teilen."));
        given().header("X-Large", "a".repeat(30_000))
                .when()
                .get("/echo?q=a")
                .then()
                .statusCode(431)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ostsee-kooperation:problem:http.headers-too-large"))
                .body("detail", startsWith("The request's header fields have 30,"))
                .body("detail", endsWith("at most 16,384 are accepted."));
        // Up to the limits, nothing is refused.
        given().when().get("/echo?q=" + "a".repeat(4_000)).then().statusCode(200);
        given().header("X-Large", "a".repeat(15_000))
                .when()
                .get("/echo?q=a")
                .then()
                .statusCode(200);
    }

    @Test
    void aRequestLineFarOverTheLimitIsStillAnswered414ProblemJsonNotAReset() throws IOException {
        // Up to the codec's limit (64 KB; before, at 4 KB, the codec closed the connection unanswered).
        String answer = exchange(
                "GET /echo?q=" + "a".repeat(60_000) + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n", null);
        assertTrue(answer.startsWith("HTTP/1.1 414 "), answer);
        assertTrue(answer.contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"urn:ostsee-kooperation:problem:http.uri-too-long\""), answer);
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private String exchange(String head, Body body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    body.write(out);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before taking all of it: read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException closedOrTimedOut) {
                // keep what arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
