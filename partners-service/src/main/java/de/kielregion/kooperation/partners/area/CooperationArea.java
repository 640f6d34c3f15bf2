package de.kielregion.kooperation.partners.area;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.CooperationAreaChanged;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/** A geography of cooperation, e.g. "Korridor Hamburg–Oslo", with its member partners and regions. */
@Entity
@Table(name = "cooperation_area")
public class CooperationArea implements Aggregate {

    @Id
    public UUID id;

    public String name;

    public String description;

    @ElementCollection
    @CollectionTable(name = "cooperation_area_member", joinColumns = @JoinColumn(name = "area_id"))
    @Column(name = "partner_id")
    public Set<UUID> memberIds = new TreeSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The area has been created (no analysis yet). */
    public Change created() {
        return change("CooperationAreaCreated", () -> null);
    }

    /**
     * The area's name, description or members have changed (the caller has checked that something
     * did); {@code ranking} is its analysis's ranking with the members now (null without one).
     */
    public Change updated(Supplier<List<CooperationAreaChanged.Ranked>> ranking) {
        updatedAt = Instant.now();
        return change("CooperationAreaUpdated", ranking);
    }

    /**
     * Its potential analysis was saved (the caller has counted up the area's version): the others
     * learn the ranking (projects-service's decision papers on focus partners show it).
     */
    public Change analysisSaved(boolean created, Supplier<List<CooperationAreaChanged.Ranked>> ranking) {
        return change(created ? "PotentialAnalysisCreated" : "PotentialAnalysisUpdated", ranking);
    }

    private Change change(String action, Supplier<List<CooperationAreaChanged.Ranked>> ranking) {
        return Change.of(
                this,
                action,
                EventTypes.COOPERATION_AREA_CHANGED,
                () -> new CooperationAreaChanged(
                        id, name, description, List.copyOf(new TreeSet<>(memberIds)), version, ranking.get()));
    }

    @Override
    public String aggregateType() {
        return PartnerEvents.COOPERATION_AREA;
    }

    @Override
    public Object aggregateId() {
        return id;
    }
}
