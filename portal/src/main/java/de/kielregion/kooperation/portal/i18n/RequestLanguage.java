package de.kielregion.kooperation.portal.i18n;

/**
 * The language of the request being answered (the page's language), for code outside the web
 * layer that needs it: the service clients send it as {@code Accept-Language}.
 */
public interface RequestLanguage {

    /** "de" or "en". */
    String lang();
}
