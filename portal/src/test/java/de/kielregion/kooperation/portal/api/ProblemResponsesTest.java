package de.kielregion.kooperation.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A service's problem+json becomes violations per field; anything else still a readable refusal. */
class ProblemResponsesTest {

    @Test
    void violationsPerField() {
        ServiceProblem p = ProblemResponses.read(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"2 fields are invalid: effort, title",
                 "violations":[{"field":"effort","message":"muss kleiner-gleich 5 sein"},
                               {"field":"title","message":"darf nicht leer sein"},
                               {"field":"financing[0].amount","message":"must be greater than or equal to 0"}]}
                """, MediaType.valueOf("application/problem+json"));
        assertEquals(400, p.status());
        assertEquals("darf nicht leer sein", p.violation("title"));
        assertEquals("muss kleiner-gleich 5 sein", p.violation("effort"));
        assertEquals(
                java.util.List.of("financing[0].amount: must be greater than or equal to 0"),
                p.otherViolations(Set.of("title", "effort")));
    }

    @Test
    void aConflictWithoutViolationsKeepsItsDetail() {
        ServiceProblem p = ProblemResponses.read(
                409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Only a PROPOSED project can be decided\"}",
                MediaType.valueOf("application/problem+json"));
        assertEquals("Only a PROPOSED project can be decided", p.detail());
        assertEquals(0, p.violations().size());
    }

    @Test
    void notJsonIsStillARefusal() {
        ServiceProblem p = ProblemResponses.read(502, "<html>Bad gateway</html>", MediaType.TEXT_HTML_TYPE);
        assertEquals(502, p.status());
        assertNull(p.detail());
    }
}
