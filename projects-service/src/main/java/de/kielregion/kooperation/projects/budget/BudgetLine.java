package de.kielregion.kooperation.projects.budget;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;

/** The amount of one category available in one year. */
@Entity
@Table(name = "budget_line")
public class BudgetLine {

    @Id
    public UUID id;

    public int year;

    @Enumerated(EnumType.STRING)
    public Category category;

    public BigDecimal amount;

    @Version
    public long version;
}
