package de.kielregion.kooperation.partners.partner;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.PartnerChanged;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A partner organisation or territory of KielRegion's cooperation. */
@Entity
@Table(name = "partner")
public class Partner implements Aggregate {

    @Id
    public UUID id;

    public String name;

    @Column(name = "local_name")
    public String localName;

    /** Lower-case, accent-free name and local name, for search. */
    @Column(name = "search_key")
    public String searchKey;

    @Enumerated(EnumType.STRING)
    public PartnerType type;

    public String country;

    @Column(name = "nuts_code")
    public String nutsCode;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public String website;

    @ElementCollection
    @CollectionTable(name = "partner_theme", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    @Column(name = "parent_region_id")
    public UUID parentRegionId;

    /** The degree of urbanisation of its territory; null when not classified (e.g. a whole region). */
    @Enumerated(EnumType.STRING)
    public Urbanisation urbanisation;

    @Enumerated(EnumType.STRING)
    public PartnerStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return PartnerEvents.PARTNER;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The partner has been registered: the other services learn its whole state. */
    public Change registered() {
        return Change.of(this, "PartnerRegistered", EventTypes.PARTNER_REGISTERED, this::changed);
    }

    /** The partner's data has changed (the caller has checked that something did): stamped, and told. */
    public Change updated() {
        updatedAt = Instant.now();
        return Change.of(this, "PartnerUpdated", EventTypes.PARTNER_UPDATED, this::changed);
    }

    /**
     * Retires the partner: it stays in the register and in the projects it is part of (flagged
     * there) but joins no new one. Retiring a retired partner is a 409.
     */
    public Change retire() {
        if (status == PartnerStatus.RETIRED) {
            throw ProblemException.refusal("partner.already-retired")
                    .with("partner", name)
                    .conflict();
        }
        status = PartnerStatus.RETIRED;
        updatedAt = Instant.now();
        return Change.of(
                        this,
                        "PartnerRetired",
                        EventTypes.PARTNER_RETIRED,
                        () -> new PartnerRetired(id, name, status.name(), updatedAt))
                .withHistory(ChangeLog.statusMove(PartnerStatus.ACTIVE.name(), status.name(), null));
    }

    /** The partner's whole state, as the contracts tell it. */
    PartnerChanged changed() {
        return new PartnerChanged(
                id,
                name,
                localName,
                type.name(),
                country,
                nutsCode,
                latitude == null ? null : new PartnerChanged.Coordinates(latitude, longitude),
                website,
                List.copyOf(new TreeSet<>(themes)),
                parentRegionId,
                status.name(),
                createdAt,
                updatedAt,
                version,
                urbanisation == null ? null : urbanisation.name());
    }
}
