package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.projects.strategy.ProjectParticipants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tells the strategy which shareholders take part in a project (for the next steps' rights). */
@ApplicationScoped
class ProjectParticipantsQuery implements ProjectParticipants {

    private final EntityManager em;

    ProjectParticipantsQuery(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Set<Shareholder>> shareholdersOf(UUID projectId) {
        return Optional.ofNullable(em.find(Project.class, projectId)).map(p -> Set.copyOf(p.shareholders));
    }
}
