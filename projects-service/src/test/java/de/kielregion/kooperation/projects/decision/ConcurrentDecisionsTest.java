package de.kielregion.kooperation.projects.decision;

import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two membership decisions that together answer an open question, applied side by side (as
 * consumers of two partitions, or two replicas, apply them): the question is resolved.
 */
@QuarkusTest
class ConcurrentDecisionsTest {

    @Inject
    DecisionRegister decisions;

    @Inject
    ObjectMapper mapper;

    @Test
    void theSecondOfTwoDecisionsAppliedSideBySideResolvesTheQuestion() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String string = "S" + tag;
        String ubc = "U" + tag;
        String question = Api.membershipQuestion("Mitgliedschaft " + string + " & " + ubc, List.of(string, ubc));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstApplied = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // The first decision is applied, its transaction stays open until released.
            Future<?> first =
                    threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        decisions.registerExternal(decision("JOIN", ubc));
                        firstApplied.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertTrue(firstApplied.await(30, TimeUnit.SECONDS), "the first decision was applied");
            Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .run(() -> decisions.registerExternal(decision("DECLINE", string))));
            try {
                // Without a lock on the question it commits now, not seeing the first decision.
                second.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException waitsForTheFirst) {
                // it waits for the question the first transaction holds
            }
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        List<String> resolved = as(VIEWER)
                .queryParam("status", "RESOLVED")
                .when()
                .get("/open-questions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertTrue(resolved.contains(question), "resolved once both organisations are decided");
    }

    private IncomingEvent decision(String kind, String acronym) {
        UUID membership = UUID.randomUUID();
        Map<String, Object> data = Api.membershipDecision(
                UUID.randomUUID().toString(), kind, "APPROVED", acronym, membership, "2024-11-20", null);
        return new IncomingEvent(
                UUID.randomUUID().toString(),
                "/ostsee-kooperation/memberships-service",
                EventTypes.DECISION_TAKEN,
                membership.toString(),
                "Membership",
                Instant.now(),
                mapper.valueToTree(data),
                "cooperation.memberships.v1",
                0,
                0);
    }
}
