package de.kielregion.kooperation.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.testapp.Sql;
import io.github.bucket4j.TimeMeter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limit with a bucket small enough to empty in a test (3 tokens, 1 back a second): an
 * anonymous caller is counted by its address; an operation with a {@link RequestCost} takes its
 * cost; an empty bucket is 429 problem+json with Retry-After, in the caller's language, and the
 * refused request changes nothing. The buckets run on the test's clock, which it advances itself:
 * on a slow machine a second passing between two steps would otherwise give a token back.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBucket.class)
class RateLimitTest {

    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ostsee.rate-limit.enabled", "true",
                    "ostsee.rate-limit.per-second", "1",
                    "ostsee.rate-limit.burst", "3");
        }
    }

    @Inject
    Sql sql;

    @Inject
    RateLimits limits;

    /** Nanoseconds the test has let pass. */
    private final AtomicLong now = new AtomicLong();

    @BeforeEach
    void stopTheClock() {
        limits.useClock(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        });
    }

    @AfterEach
    void systemClock() {
        limits.useClock(TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Test
    void anEmptyBucketIs429WithRetryAfterAndACostlyOperationTakesItsCost() {
        given().when().get("/echo/costly").then().statusCode(200); // 3 tokens: the bucket is empty
        given().header("Accept-Language", "de")
                .when()
                .get("/echo?q=a")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ostsee-kooperation:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/echo"))
                .body("detail", startsWith("Zu viele Anfragen von Ihnen: im Mittel höchstens 1 je Sekunde"));
        long before = sql.count("SELECT count(*) FROM widget");
        given().contentType("application/json")
                .body("{\"name\":\"refused\"}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(429);
        Assertions.assertEquals(before, sql.count("SELECT count(*) FROM widget"), "a refused write stores nothing");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_000)); // one token back
        given().when().get("/echo?q=a").then().statusCode(200);
        given().when()
                .get("/echo/costly")
                .then()
                .statusCode(429)
                .header("Retry-After", "3") // the bucket is empty again: 3 tokens at 1 a second
                .body(
                        "detail",
                        startsWith("Too many requests from you: at most 1 a second on average (bursts up to 3"));
    }
}
