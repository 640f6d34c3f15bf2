package de.kielregion.kooperation.platform.text;

/** Normalising optional text fields of requests. */
public final class Texts {

    private Texts() {}

    /** The value without surrounding blanks, or null when there is nothing but blanks. */
    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
