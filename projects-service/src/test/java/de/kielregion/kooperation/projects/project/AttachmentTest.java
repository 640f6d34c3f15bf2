package de.kielregion.kooperation.projects.project;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.PLOEN;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import de.kielregion.kooperation.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attachments on projects and decisions: checked by content, with checksum, who and when, history and roles. */
@QuarkusTest
class AttachmentTest {

    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private static RequestSpecification file(String token, byte[] content) {
        return given().header("Authorization", Tokens.bearer(token))
                .contentType("application/octet-stream")
                .body(content);
    }

    @Test
    void aProjectGetsItsApplicationAndTheDecisionItsMinutes() throws Exception {
        String project = as(COORDINATOR)
                .body(Map.of("title", "Anhänge " + UUID.randomUUID(), "shareholders", List.of("KIEL")))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        String id = file(KIEL, PDF)
                .queryParam("filename", "C:\\Users\\kai\\Antrag Interreg.pdf")
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(201)
                .header("Location", containsString("/attachments/"))
                .body("filename", equalTo("Antrag Interreg.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .body("sha256", equalTo(sha))
                .body("uploadedBy", equalTo("service-account-kiel"))
                .extract()
                .path("id");
        file(PLOEN, PDF)
                .queryParam("filename", "x.pdf")
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(403);
        file(VIEWER, PDF)
                .queryParam("filename", "x.pdf")
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(403);
        // Checked by content, not by name: HTML named .pdf is refused, and so is an empty file or no name.
        file(COORDINATOR, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "Protokoll.pdf")
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(400)
                .body("detail", containsString("text/html"));
        file(COORDINATOR, new byte[0])
                .queryParam("filename", "leer.pdf")
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(400);
        file(COORDINATOR, PDF)
                .when()
                .post("/projects/" + project + "/attachments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("filename"));
        file(COORDINATOR, PDF)
                .queryParam("filename", "a.pdf")
                .when()
                .post("/projects/" + UUID.randomUUID() + "/attachments")
                .then()
                .statusCode(404);

        as(VIEWER)
                .when()
                .get("/projects/" + project + "/attachments")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id));
        byte[] downloaded = as(VIEWER)
                .when()
                .get("/attachments/" + id)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("Antrag Interreg.pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", containsString("sha-256=:"))
                .extract()
                .asByteArray();
        assertArrayEquals(PDF, downloaded);
        as(VIEWER)
                .when()
                .get("/projects/" + project + "/history")
                .then()
                .body("action", org.hamcrest.Matchers.hasItem("AttachmentAdded"));

        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + project + "/status")
                .then()
                .statusCode(200);
        String decision = as(DECIDER)
                .body(Map.of("body", "SUPERVISORY_BOARD", "decidedOn", "2024-11-20", "outcome", "APPROVED"))
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        file(DECIDER, "Protokoll der AR-Sitzung\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("filename", "Protokoll.txt")
                .when()
                .post("/decisions/" + decision + "/attachments")
                .then()
                .statusCode(201)
                .body("contentType", equalTo("text/plain"));
        file(KIEL, PDF)
                .queryParam("filename", "a.pdf")
                .when()
                .post("/decisions/" + decision + "/attachments")
                .then()
                .statusCode(403);
        as(VIEWER).when().get("/decisions/" + decision + "/attachments").then().body("", hasSize(1));
        as(VIEWER).when().get("/attachments/" + UUID.randomUUID()).then().statusCode(404);
    }
}
