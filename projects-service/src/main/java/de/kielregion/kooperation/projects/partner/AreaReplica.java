package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.CooperationAreaChanged;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cooperation area as partners-service reports it (CooperationAreaChanged), with its potential
 * analysis's ranking as of that event. Newer versions win.
 */
@Entity
@Table(name = "area_replica")
public class AreaReplica {

    /** A partner's place in the area's potential analysis. */
    @Embeddable
    public static class Rank {
        @Column(name = "partner_id")
        public UUID partnerId;

        public String name;

        public int rank;

        @Column(name = "weighted_total")
        public BigDecimal weightedTotal;

        public boolean complete;
    }

    @Id
    public UUID id;

    public String name;

    @Column(name = "has_analysis")
    public boolean hasAnalysis;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "area_ranking", joinColumns = @JoinColumn(name = "area_id"))
    public List<Rank> ranking = new ArrayList<>();

    protected AreaReplica() {}

    public AreaReplica(UUID id) {
        this.id = id;
    }

    /** Takes the area's state unless it is older than the kept one. */
    public boolean apply(CooperationAreaChanged changed) {
        if (version > changed.version()) {
            return false; // an older state arriving late
        }
        name = changed.name();
        hasAnalysis = changed.ranking() != null;
        ranking.clear();
        if (changed.ranking() != null) {
            for (CooperationAreaChanged.Ranked r : changed.ranking()) {
                Rank rank = new Rank();
                rank.partnerId = r.partnerId();
                rank.name = r.name();
                rank.rank = r.rank();
                rank.weightedTotal = r.weightedTotal();
                rank.complete = r.complete();
                ranking.add(rank);
            }
        }
        version = changed.version();
        updatedAt = Instant.now();
        return true;
    }
}
