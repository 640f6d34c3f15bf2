package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.ShareholderInterestsChanged;
import de.kielregion.kooperation.platform.text.SearchText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A shareholder's interests as partners-service reported them (ShareholderInterestsChanged):
 * theme names as search keys, countries and regions. Newer versions win.
 */
@Entity
@Table(name = "interest_replica")
public class InterestReplica {

    @Id
    public String shareholder;

    @ElementCollection
    @CollectionTable(name = "interest_replica_theme", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "theme_key")
    public Set<String> themeKeys = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "interest_replica_country", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "country")
    public Set<String> countries = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "interest_replica_region", joinColumns = @JoinColumn(name = "shareholder"))
    @Column(name = "region_id")
    public Set<UUID> regionIds = new TreeSet<>();

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    protected InterestReplica() {}

    public InterestReplica(String shareholder) {
        this.shareholder = shareholder;
    }

    /**
     * Takes the shareholder's interests unless older than what is kept (theme names kept as
     * search keys); whether it changed.
     */
    public boolean apply(ShareholderInterestsChanged changed) {
        if (version > changed.version()) {
            return false;
        }
        themeKeys.clear();
        if (changed.themes() != null) {
            for (String theme : changed.themes()) {
                themeKeys.add(SearchText.key(theme));
            }
        }
        countries.clear();
        if (changed.countries() != null) {
            countries.addAll(changed.countries());
        }
        regionIds.clear();
        if (changed.regionIds() != null) {
            regionIds.addAll(changed.regionIds());
        }
        version = changed.version();
        updatedAt = Instant.now();
        return true;
    }
}
