package de.kielregion.kooperation.portal.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's labels and enum values, from {@code i18n/messages.properties} (German, the
 * default) and {@code i18n/messages_en.properties}. No label is written in a template.
 */
public final class Messages {

    public static final Locale GERMAN = Locale.GERMANY;
    public static final Locale ENGLISH = Locale.UK;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "i18n.messages", "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    /** The message for {@code key}, formatted with {@code args}; the key itself (visible, never an error) when missing. */
    public static String get(ResourceBundle bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
