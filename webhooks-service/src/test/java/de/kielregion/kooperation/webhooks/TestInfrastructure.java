package de.kielregion.kooperation.webhooks;

import de.kielregion.kooperation.infra.testing.KafkaTestResource;
import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real Kafka, PostgreSQL and an SMTP server, and a WireMock OIDC server, for every test of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestInfrastructure {}
