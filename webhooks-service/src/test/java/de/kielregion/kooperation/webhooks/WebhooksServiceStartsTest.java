package de.kielregion.kooperation.webhooks;

import de.kielregion.kooperation.infra.testing.ServiceStartsContract;
import de.kielregion.kooperation.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhooksServiceStartsTest extends ServiceStartsContract {

    @Override
    protected int minimumOperations() {
        return 11;
    }

    /** Webhook subscriptions belong to admins and shareholders' clients; viewers have none. */
    @Override
    protected String readerToken() {
        return Tokens.user("anna", "admin");
    }
}
