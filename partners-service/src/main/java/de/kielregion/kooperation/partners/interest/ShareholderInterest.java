package de.kielregion.kooperation.partners.interest;

import de.kielregion.kooperation.contracts.Shareholder;
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

/** The themes and geographies one shareholder cares about. */
@Entity
@Table(name = "shareholder_interest")
public class ShareholderInterest {

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
}
