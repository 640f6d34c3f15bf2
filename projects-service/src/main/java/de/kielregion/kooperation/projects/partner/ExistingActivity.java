package de.kielregion.kooperation.projects.partner;

import de.kielregion.kooperation.contracts.partners.ActivityUpserted;
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

/** A shareholder's existing activity as partners-service reported it: who and which themes. */
@Entity
@Table(name = "existing_activity")
public class ExistingActivity {

    @Id
    public UUID id;

    public String shareholder;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "existing_activity_theme", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "existing_activity_partner", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "partner_id")
    public Set<UUID> partnerIds = new TreeSet<>();

    protected ExistingActivity() {}

    public ExistingActivity(UUID id) {
        this.id = id;
    }

    /** Takes who the activity belongs to and its themes unless older than what is kept; whether it changed. */
    public boolean apply(ActivityUpserted upserted) {
        if (version > upserted.version()) {
            return false;
        }
        shareholder =
                upserted.shareholder() == null ? null : upserted.shareholder().name();
        version = upserted.version();
        updatedAt = Instant.now();
        themes.clear();
        if (upserted.themes() != null) {
            themes.addAll(upserted.themes());
        }
        partnerIds.clear();
        if (upserted.partnerIds() != null) {
            partnerIds.addAll(upserted.partnerIds());
        }
        return true;
    }
}
