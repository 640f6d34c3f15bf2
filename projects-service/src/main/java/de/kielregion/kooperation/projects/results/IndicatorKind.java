package de.kielregion.kooperation.projects.results;

/** Output (what a project delivers: events, agreements) or result (the change it brings). */
public enum IndicatorKind {
    OUTPUT,
    RESULT
}
