package de.kielregion.kooperation.memberships.organisation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A network or association KielRegion or its shareholders can join (STRING, UBC, ...). */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;

    public String name;

    public String acronym;

    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;

    public String website;

    @Column(name = "seat_country")
    public String seatCountry;

    public String description;

    /** The fee model as JSON (see OrganisationApi.FeeModel). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fee_model")
    public String feeModel;

    @ElementCollection
    @CollectionTable(name = "organisation_theme", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "organisation_working_group", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "working_group")
    public Set<String> workingGroups = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "organisation_member_partner", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "partner_id")
    public Set<UUID> memberPartnerIds = new TreeSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
