package de.kielregion.kooperation.partners.interest;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.ShareholderInterestsChanged;
import de.kielregion.kooperation.partners.PartnerEvents;
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

/** The themes and geographies one shareholder cares about. */
@Entity
@Table(name = "shareholder_interest")
public class ShareholderInterest implements Aggregate {

    @Id
    @Enumerated(EnumType.STRING)
    public Shareholder shareholder;

    @ElementCollection
    @CollectionTable(name = "shareholder_interest_theme", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "shareholder_interest_country", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "country")
    public Set<String> countries = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "shareholder_interest_region", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "region_id")
    public Set<UUID> regionIds = new TreeSet<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A shareholder's first record of interests (stamped now: it is a change either way). */
    public static ShareholderInterest of(Shareholder shareholder) {
        ShareholderInterest interest = new ShareholderInterest();
        interest.shareholder = shareholder;
        interest.updatedAt = Instant.now();
        return interest;
    }

    /** Takes over the themes, countries and regions (sets: order and repetitions do not count). */
    public void takeOver(List<String> themes, List<String> countries, List<UUID> regionIds) {
        replace(this.themes, themes);
        replace(this.countries, countries);
        replace(this.regionIds, regionIds);
    }

    /** The interests were recorded for the first time or have changed (the caller has checked that they did). */
    public Change changed(boolean created) {
        updatedAt = Instant.now();
        return Change.of(
                this,
                created ? "InterestsRecorded" : "InterestsChanged",
                EventTypes.SHAREHOLDER_INTERESTS_CHANGED,
                () -> new ShareholderInterestsChanged(
                        shareholder,
                        List.copyOf(this.themes),
                        List.copyOf(this.countries),
                        List.copyOf(this.regionIds),
                        updatedAt,
                        version));
    }

    @Override
    public String aggregateType() {
        return PartnerEvents.SHAREHOLDER_INTEREST;
    }

    @Override
    public Object aggregateId() {
        return shareholder.name();
    }

    private static <T extends Comparable<T>> void replace(Set<T> target, List<T> values) {
        TreeSet<T> wanted = new TreeSet<>(values);
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }
}
