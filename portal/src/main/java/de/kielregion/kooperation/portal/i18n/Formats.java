package de.kielregion.kooperation.portal.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates, amounts, numbers and country names in one language, from whatever the services send
 * (ISO dates and date-times, decimals as text or numbers): 27.11.2026 and 15.000,00 € in German,
 * 27 Nov 2026 and €15,000.00 in English. Needs no request: pages reach it through {@code ui},
 * mails and documents use it directly.
 */
public final class Formats {

    /** Kiel's time zone: every date and time a person reads is Kiel's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** A country's name in the page's language from its ISO 3166-1 alpha-2 code (SE → Schweden). */
    public String country(Object code) {
        if (code == null || !code.toString().matches("[A-Z]{2}")) {
            return code == null ? "" : code.toString();
        }
        return Locale.of("", code.toString()).getDisplayCountry(locale);
    }

    /** 27.11.2026 (de) or 27/11/2026 (en) from an ISO date or date-time; empty for none. */
    public String date(Object value) {
        LocalDate date = toDate(value);
        return date == null
                ? ""
                : date.format(DateTimeFormatter.ofPattern(english() ? "d MMM yyyy" : "dd.MM.yyyy", locale));
    }

    /** Date and time in Kiel's time zone. */
    public String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        try {
            Instant instant = value instanceof Instant i
                    ? i
                    : OffsetDateTime.parse(value.toString()).toInstant();
            return instant.atZone(ZONE)
                    .format(DateTimeFormatter.ofPattern(english() ? "d MMM yyyy, HH:mm" : "dd.MM.yyyy, HH:mm", locale));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /** 15.000,00 € (de) or €15,000.00 (en). */
    public String money(Object value) {
        BigDecimal amount = decimal(value);
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** An amount in its unit: EUR as money, FTE as a number with the unit. */
    public String amount(Object value, Object unit) {
        if ("FTE".equals(String.valueOf(unit))) {
            BigDecimal amount = decimal(value);
            if (amount == null) {
                return "";
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(amount) + " " + Messages.get(Messages.bundle(locale), locale, "unit.FTE");
        }
        return money(value);
    }

    /** A plain number in the language's format. */
    public String number(Object value) {
        BigDecimal number = decimal(value);
        return number == null ? "" : NumberFormat.getNumberInstance(locale).format(number);
    }

    /** Per cent (0–100) of part in whole, for bars. */
    public static long percent(Object part, Object whole) {
        BigDecimal p = decimal(part);
        BigDecimal w = decimal(whole);
        if (p == null || w == null || w.signum() <= 0) {
            return 0;
        }
        return Math.max(
                0,
                Math.min(
                        100,
                        p.multiply(BigDecimal.valueOf(100))
                                .divide(w, 0, java.math.RoundingMode.HALF_UP)
                                .longValue()));
    }

    /** A period as people say it: P3M → "3 Monate" (de) or "3 months" (en); P1Y6M → "1 Jahr und 6 Monate". */
    public String period(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        java.time.Period period;
        try {
            period = java.time.Period.parse(value.toString());
        } catch (DateTimeParseException e) {
            return value.toString();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        unit(parts, period.getYears(), english() ? "year" : "Jahr", english() ? "years" : "Jahre");
        unit(parts, period.getMonths(), english() ? "month" : "Monat", english() ? "months" : "Monate");
        unit(parts, period.getDays(), english() ? "day" : "Tag", english() ? "days" : "Tage");
        return parts.isEmpty() ? (english() ? "0 days" : "0 Tage") : String.join(english() ? " and " : " und ", parts);
    }

    private static void unit(java.util.List<String> parts, int count, String one, String many) {
        if (count != 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }

    public static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static LocalDate toDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = value.toString();
        try {
            return text.length() > 10
                    ? OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate()
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
