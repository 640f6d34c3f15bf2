package de.kielregion.kooperation.memberships.partner;

import de.kielregion.kooperation.contracts.partners.PartnerChanged;
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

    protected PartnerName() {}

    public PartnerName(UUID id) {
        this.id = id;
    }

    /** Takes the partner's name and status unless older than what is kept; whether it changed. */
    public boolean apply(PartnerChanged changed) {
        if (version > changed.version()) {
            return false;
        }
        name = changed.name();
        status = changed.status() == null ? "ACTIVE" : changed.status();
        version = changed.version();
        return true;
    }

    /** The partner was retired (the event carries no version: the kept one stays). */
    public void retire() {
        status = "RETIRED";
    }
}
