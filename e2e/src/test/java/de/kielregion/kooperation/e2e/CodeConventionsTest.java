package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the code that the compiler cannot enforce, checked over the services' sources: a
 * published change goes through the change log (history and event together), event types are
 * named by the contracts' constants only, and entities are plain JPA entities.
 */
class CodeConventionsTest {

    private static final List<String> SERVICES =
            List.of("partners-service", "projects-service", "memberships-service", "webhooks-service");

    private static List<String> violations(Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(Path.of("..", service, "src", "main", "java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (forbidden.matcher(lines.get(i)).find()) {
                            found.add(file.getFileName() + ":" + (i + 1) + " "
                                    + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void servicesRecordPublishedChangesOnlyThroughTheChangeLog() throws IOException {
        List<String> found = violations(Pattern.compile("platform\\.outbox\\.Outbox\\b|\\boutbox\\.record\\("));
        assertTrue(found.isEmpty(), "use ChangeLog.record (history and event together): " + found);
    }

    @Test
    void eventTypesAreNamedOnlyByTheContractsConstants() throws IOException {
        List<String> found = violations(Pattern.compile("\"cooperation\\.[a-z0-9-]+\\.[a-z0-9.-]+\\.v\\d+\""));
        assertTrue(found.isEmpty(), "use contracts.EventTypes / Topics: " + found);
    }

    @Test
    void eventTypesHaveNoServiceLocalAliases() throws IOException {
        List<String> found = violations(Pattern.compile("static final String \\w+ = EventTypes\\."));
        assertTrue(found.isEmpty(), "name the type by contracts.EventTypes itself: " + found);
    }

    @Test
    void entitiesArePlainJpaEntities() throws IOException {
        List<String> found = violations(Pattern.compile("PanacheEntity"));
        assertTrue(found.isEmpty(), "no Panache (it was used half): " + found);
    }
}
