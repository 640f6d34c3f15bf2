package de.kielregion.kooperation.platform.problem;

import static io.restassured.RestAssured.given;
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
                answer.contains("\"detail\":\"The request body declares 20000000 bytes; at most 10485760 bytes"),
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
    void aTooLongAddressIs414AndTooLargeHeadersAre431NeverA500() {
        given().when().get("/echo?q=" + "a".repeat(10_000)).then().statusCode(414);
        given().header("X-Large", "a".repeat(30_000))
                .when()
                .get("/echo?q=a")
                .then()
                .statusCode(431);
        given().when().get("/echo?q=" + "a".repeat(3_000)).then().statusCode(200);
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
