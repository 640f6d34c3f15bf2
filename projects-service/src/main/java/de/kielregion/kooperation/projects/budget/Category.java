package de.kielregion.kooperation.projects.budget;

/** Budget categories: staff in full-time equivalents, money in EUR (both with two decimals). */
public enum Category {
    STAFF("FTE"),
    MEMBERSHIP_FEES("EUR"),
    PROJECT_FUNDS("EUR");

    public final String unit;

    Category(String unit) {
        this.unit = unit;
    }
}
