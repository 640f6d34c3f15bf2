package de.kielregion.kooperation.partners.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The criteria and scores of an area's potential analysis (JSON); the ranking is computed on read. */
@Entity
@Table(name = "potential_analysis")
public class PotentialAnalysis {

    @Id
    @Column(name = "area_id")
    public UUID areaId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String criteria;

    @JdbcTypeCode(SqlTypes.JSON)
    public String scores;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
