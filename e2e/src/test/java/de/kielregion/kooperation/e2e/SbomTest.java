package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each deployable leaves its SBOM (CycloneDX, {@code target/bom.json}) beside the application its
 * image runs: the module itself, and the libraries it runs with at the versions it was built with
 * (a release publishes it with the image).
 */
class SbomTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"partners-service", "projects-service", "memberships-service", "webhooks-service", "portal"})
    void everyDeployableHasItsSbom(String module) throws IOException {
        Path bom = Path.of("..", module, "target", "bom.json");
        assertTrue(Files.exists(bom), bom + " (the package phase writes it)");
        JsonNode sbom = new ObjectMapper().readTree(bom.toFile());
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());
        assertEquals(
                module, sbom.path("metadata").path("component").path("name").asText());
        Map<String, String> versions = new HashMap<>();
        sbom.path("components")
                .forEach(c ->
                        versions.put(c.path("name").asText(), c.path("version").asText()));
        assertEquals(
                System.getProperty("quarkus.version"),
                versions.get("quarkus-rest"),
                "the framework at the version the build used");
        assertTrue(versions.containsKey("kafka-clients"), "the broker's client");
        assertTrue(versions.size() > 100, versions.size() + " components");
        assertTrue(
                sbom.path("components").findValues("scope").stream()
                        .noneMatch(s -> s.asText().equals("excluded")),
                "no test libraries");
    }

    @org.junit.jupiter.api.Test
    void everyImageIsBuiltOnTheSameBaseImagePinnedByDigest() throws IOException {
        java.util.Set<String> pins = new java.util.TreeSet<>();
        for (Path config : java.util.List.of(
                Path.of("..", "platform", "src", "main", "resources", "META-INF", "microprofile-config.properties"),
                Path.of("..", "portal", "src", "main", "resources", "application.properties"))) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(config)) {
                p.load(in);
            }
            String image = p.getProperty("quarkus.jib.base-jvm-image");
            assertTrue(
                    image != null && image.matches("eclipse-temurin:21-jre-noble@sha256:[0-9a-f]{64}"),
                    config + ": " + image + " (a tag alone moves under a release)");
            pins.add(image);
        }
        assertEquals(1, pins.size(), "the services and the portal on the same base: " + pins);
    }
}
