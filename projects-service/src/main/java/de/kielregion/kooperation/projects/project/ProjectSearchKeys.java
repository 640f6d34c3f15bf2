package de.kielregion.kooperation.projects.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Gives projects stored before the search key existed theirs once at start (a few hundred at a
 * time); new and edited projects get it when saved.
 */
@ApplicationScoped
class ProjectSearchKeys {

    private final EntityManager em;

    ProjectSearchKeys(EntityManager em) {
        this.em = em;
    }

    void fillSearchKeys(@Observes StartupEvent start) {
        int filled;
        do {
            filled = QuarkusTransaction.requiringNew().call(() -> {
                List<Project> missing = em.createQuery("FROM Project WHERE searchKey IS NULL", Project.class)
                        .setMaxResults(500)
                        .getResultList();
                missing.forEach(Project::updateSearchKey);
                return missing.size();
            });
        } while (filled > 0);
    }
}
