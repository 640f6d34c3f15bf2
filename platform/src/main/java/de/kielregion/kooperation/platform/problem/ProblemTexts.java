package de.kielregion.kooperation.platform.problem;

import de.kielregion.kooperation.platform.text.Wording;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence of a refusal in the caller's language: a stable key (the problem's {@code type})
 * with named parameters, e.g. {@code allocation.not-approved} with {@code project} and
 * {@code status}, rendered from the service's {@code problems.properties} (English) and
 * {@code problems_de.properties} (German, the glossary's words), or else the platform's own
 * ({@code texts*.properties} beside this class). Parameters read as a person reads them: dates
 * 27.11.2026, amounts 1.500,00 €, codes in the glossary's words.
 */
public final class ProblemTexts {

    /** Where every refusal's type starts; the rest is its key (see docs/problems.md). */
    public static final String TYPE = "urn:ostsee-kooperation:problem:";

    static final String SERVICE = "problems";
    static final String PLATFORM = "de.kielregion.kooperation.platform.problem.texts";
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private ProblemTexts() {}

    /** German when the caller prefers it among German and English; English otherwise (and for machines that do not say). */
    public static Locale language(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("de".equals(l.getLanguage())) {
                    return Locale.GERMAN;
                }
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The sentence for {@code key} in {@code locale}, its {name} placeholders filled; the key itself when no bundle has it. */
    public static String render(String key, Map<String, ?> params, Map<String, String> units, Locale locale) {
        String pattern = text(key, locale);
        if (pattern == null) {
            return key;
        }
        Wording words = Wording.of(locale);
        Matcher m = PARAM.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = params == null ? null : params.get(name);
            String unit = units == null ? null : units.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(format(value, unit, words, locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A key's text, from the service's bundle first, then the platform's; null when neither has it. */
    static String text(String key, Locale locale) {
        for (String bundle : new String[] {SERVICE, PLATFORM}) {
            try {
                return ResourceBundle.getBundle(
                                bundle,
                                "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ROOT,
                                loader(),
                                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                        .getString(key);
            } catch (MissingResourceException e) {
                // not this bundle's
            }
        }
        return null;
    }

    /** The request thread's class loader (in Quarkus the one that sees the service's resources), else this one's. */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ProblemTexts.class.getClassLoader();
    }

    private static String format(Object value, String unit, Wording words, Locale locale) {
        if (value == null) {
            return "–";
        }
        if (unit != null && value instanceof BigDecimal amount) {
            return words.amount(amount, unit);
        }
        if (value instanceof LocalDate day) {
            return words.date(day);
        }
        if (value instanceof Instant at) {
            return words.dateTime(at);
        }
        if (value instanceof Number n) {
            return words.number(n);
        }
        if (value instanceof Enum<?> code) {
            return words.label(code.getDeclaringClass().getSimpleName(), code.name());
        }
        if (value instanceof Thing thing) {
            String word = text("thing." + thing.name(), locale);
            return word == null ? thing.name() : word;
        }
        if (value instanceof java.util.Collection<?> many) {
            return String.join(
                    ", ", many.stream().map(v -> format(v, unit, words, locale)).toList());
        }
        return value.toString();
    }

    /** A kind of thing named in a refusal ("Project", "Contact person"): its word from the bundles ({@code thing.<name>}). */
    public record Thing(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
