package de.kielregion.kooperation.platform.text;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What a person reads in a document, a mail or a calendar entry, in one language: the words of
 * the glossary for the codes the services keep ({@code labels*.properties} beside this class: a
 * type and a code, e.g. {@code Body.SUPERVISORY_BOARD=Aufsichtsrat}), dates as 27.11.2026,
 * amounts as 1.500,00 €, staff as 0,75 VZÄ, periods as 3 Monate. German first; English for the
 * partners in Aarhus and Göteborg.
 */
public final class Wording {

    /** Kiel's time zone: every date and time a person reads is Kiel's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static final Wording GERMAN = new Wording(Locale.GERMANY);
    public static final Wording ENGLISH = new Wording(Locale.UK);

    private final Locale locale;
    private final ResourceBundle labels;

    private Wording(Locale locale) {
        this.locale = locale;
        this.labels = ResourceBundle.getBundle(
                "de.kielregion.kooperation.platform.text.labels",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** German, or English when the language asked for is English. */
    public static Wording of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : GERMAN;
    }

    public Locale locale() {
        return locale;
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /**
     * The word for a code of a type ({@code label("Body", "SUPERVISORY_BOARD")}: Aufsichtsrat);
     * a code the glossary does not know (free text a person typed) as it is; "" for none.
     */
    public String label(String type, Object code) {
        if (code == null) {
            return "";
        }
        try {
            return labels.getString(type + "." + code);
        } catch (MissingResourceException e) {
            return code.toString();
        }
    }

    /** 27.11.2026 (de), 27 Nov 2026 (en); "" for none. */
    public String date(LocalDate day) {
        return day == null
                ? ""
                : day.format(DateTimeFormatter.ofPattern(english() ? "d MMM yyyy" : "dd.MM.yyyy", locale));
    }

    /** 27.11.2026, 09:05 in Kiel's time. */
    public String dateTime(Instant at) {
        return at == null
                ? ""
                : at.atZone(ZONE)
                        .format(DateTimeFormatter.ofPattern(
                                english() ? "d MMM yyyy, HH:mm" : "dd.MM.yyyy, HH:mm", locale));
    }

    /** 1.500,00 € (de), €1,500.00 (en); "" for none. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** An amount in its unit: EUR as money, FTE as 0,75 VZÄ. */
    public String amount(BigDecimal amount, String unit) {
        if (amount == null) {
            return "";
        }
        if ("EUR".equals(unit)) {
            return money(amount);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + label("Unit", unit);
    }

    /** A number in the language's format (1.234,5). */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale).format(value);
    }

    /** A period as people say it: P3M → 3 Monate, P1Y6M → 1 Jahr und 6 Monate. */
    public String period(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        Period period;
        try {
            period = Period.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        unit(parts, period.getYears(), label("Period", "year"), label("Period", "years"));
        unit(parts, period.getMonths(), label("Period", "month"), label("Period", "months"));
        unit(parts, period.getDays(), label("Period", "day"), label("Period", "days"));
        return parts.isEmpty()
                ? "0 " + label("Period", "days")
                : String.join(" " + label("Period", "and") + " ", parts);
    }

    private static void unit(List<String> parts, int count, String one, String many) {
        if (count != 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
