package de.kielregion.kooperation.memberships.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A partner's name and status as partners-service reports them. */
@Entity
@Table(name = "partner_name")
public class PartnerName {

    @Id
    public UUID id;

    public String name;

    public String status;

    public long version;
}
