package de.kielregion.kooperation.memberships.organisation;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.memberships.OrganisationChanged;
import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A network or association KielRegion or its shareholders can join (STRING, UBC, ...). */
@Entity
@Table(name = "organisation")
public class Organisation implements Aggregate {

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

    /** The organisation has been registered; {@code fees} is its fee model as the contracts tell it. */
    public Change registered(OrganisationChanged.FeeModel fees) {
        return Change.of(this, "OrganisationRegistered", EventTypes.ORGANISATION_REGISTERED, () -> changed(fees));
    }

    /** Its data has changed (the caller has checked that something did): stamped, and told. */
    public Change updated(OrganisationChanged.FeeModel fees) {
        updatedAt = Instant.now();
        return Change.of(this, "OrganisationUpdated", EventTypes.ORGANISATION_UPDATED, () -> changed(fees));
    }

    @Override
    public String aggregateType() {
        return MembershipEvents.ORGANISATION;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The event of its own state (no REST view; no partner names). */
    private OrganisationChanged changed(OrganisationChanged.FeeModel fees) {
        return new OrganisationChanged(
                id,
                name,
                acronym,
                kind.name(),
                website,
                seatCountry,
                description,
                fees,
                List.copyOf(new TreeSet<>(themes)),
                List.copyOf(new TreeSet<>(workingGroups)),
                List.copyOf(new TreeSet<>(memberPartnerIds)),
                createdAt,
                updatedAt,
                version);
    }
}
