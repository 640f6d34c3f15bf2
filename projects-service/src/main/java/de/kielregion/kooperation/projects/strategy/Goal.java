package de.kielregion.kooperation.projects.strategy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A strategic goal of the cooperation. */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    public UUID id;

    public String title;

    public String description;

    @Version
    public long version;
}
