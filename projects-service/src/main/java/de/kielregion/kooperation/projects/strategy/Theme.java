package de.kielregion.kooperation.projects.strategy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A field of action (Handlungsfeld), e.g. "Mobilität ländlicher Raum". */
@Entity
@Table(name = "theme")
public class Theme {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Version
    public long version;
}
