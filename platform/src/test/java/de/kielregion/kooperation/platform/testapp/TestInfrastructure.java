package de.kielregion.kooperation.platform.testapp;

import de.kielregion.kooperation.infra.testing.KafkaTestResource;
import de.kielregion.kooperation.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real Kafka and PostgreSQL for every test of this module (one start per test run). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
public class TestInfrastructure {}
