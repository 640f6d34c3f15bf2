package de.kielregion.kooperation.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/** A stand-in aggregate whose changes record outbox events. */
@Entity
public class Widget {

    @Id
    public UUID id;

    public String name;

    public int count;

    /** May be null (the keyset paging test sorts by it). */
    public String label;

    @Version
    public long version;
}
