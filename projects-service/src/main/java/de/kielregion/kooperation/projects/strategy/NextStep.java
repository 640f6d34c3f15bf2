package de.kielregion.kooperation.projects.strategy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task (Nächster Schritt) with owner and due date, of a measure or a project. */
@Entity
@Table(name = "next_step")
public class NextStep {

    @Schema(name = "NextStepStatus")
    public enum Status {
        OPEN,
        DONE
    }

    @Id
    public UUID id;

    public String title;

    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "project_id")
    public UUID projectId;

    @Version
    public long version;
}
