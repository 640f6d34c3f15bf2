package de.kielregion.kooperation.partners.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A contact person at a partner: personal data, kept minimal and erasable. */
@Entity
@Table(name = "contact_person")
public class ContactPerson {

    @Id
    public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;

    public String name;

    public String role;

    public String email;

    public String phone;

    @Version
    public long version;
}
