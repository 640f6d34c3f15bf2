package de.kielregion.kooperation.memberships;

import de.kielregion.kooperation.infra.testing.KafkaTestResource;
import de.kielregion.kooperation.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real Kafka and PostgreSQL, and a WireMock OIDC server, for every test of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestInfrastructure {}
