package de.kielregion.kooperation.projects.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A work package of a project's work plan (Arbeitspaket), numbered within the project. */
@Entity
@Table(name = "work_package")
public class WorkPackage {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    public int number;

    public String title;

    @Version
    public long version;
}
