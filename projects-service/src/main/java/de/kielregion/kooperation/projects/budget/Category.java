package de.kielregion.kooperation.projects.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Budget categories: staff in full-time equivalents, money in EUR (both with two decimals). */
@Schema(name = "BudgetCategory")
public enum Category {
    STAFF("FTE"),
    MEMBERSHIP_FEES("EUR"),
    PROJECT_FUNDS("EUR");

    public final String unit;

    Category(String unit) {
        this.unit = unit;
    }
}
