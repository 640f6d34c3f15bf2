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
    @ValueSource(strings = {"partners-service", "projects-service", "memberships-service", "portal"})
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
}
