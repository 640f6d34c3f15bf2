package de.kielregion.kooperation.memberships;

import de.kielregion.kooperation.infra.testing.ServiceStartsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MembershipsServiceStartsTest extends ServiceStartsContract {

    @Override
    protected int minimumOperations() {
        return 15;
    }
}
