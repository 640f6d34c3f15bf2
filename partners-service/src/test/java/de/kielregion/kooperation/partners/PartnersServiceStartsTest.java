package de.kielregion.kooperation.partners;

import de.kielregion.kooperation.infra.testing.ServiceStartsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PartnersServiceStartsTest extends ServiceStartsContract {

    @Override
    protected int minimumOperations() {
        return 25;
    }
}
