package de.kielregion.kooperation.projects.project;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One co-financing source of a project, in EUR. */
@Embeddable
public class Financing {

    @Schema(name = "FinancingKind")
    public enum Kind {
        OWN_FUNDS,
        SHAREHOLDER_CONTRIBUTION,
        EU_PROGRAMME,
        OTHER
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String name;

    public BigDecimal amount;

    public Financing() {}

    public Financing(Kind kind, String name, BigDecimal amount) {
        this.kind = kind;
        this.name = name;
        this.amount = amount;
    }
}
