package de.kielregion.kooperation.projects;

import de.kielregion.kooperation.infra.testing.ServiceStartsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectsServiceStartsTest extends ServiceStartsContract {

    @Override
    protected int minimumOperations() {
        return 20;
    }
}
