package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.overview.OverviewApi.ReachCount;
import de.kielregion.kooperation.projects.overview.OverviewApi.RegionMember;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.NextStep;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the strategy document's template calls as {@code md:…}: user text made safe for Markdown,
 * numbers, the time stamp, and the few joins a template says worse than Java.
 */
@TemplateExtension(namespace = "md")
public final class MarkdownText {

    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));

    private MarkdownText() {}

    /** User text with Markdown's special characters escaped, on one line; "" for none. */
    /** A row of a two-column table of facts ("| label | value |"); the value is Markdown already. */
    public static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.replace('\n', ' ').toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static final Wording WORDS = Wording.GERMAN;

    /** The glossary's word for a code ({@code md:label('Body', d.body)}: Aufsichtsrat). */
    static String label(String type, Object code) {
        return WORDS.label(type, code);
    }

    /** 27.11.2026; "" for none. */
    static String date(LocalDate day) {
        return WORDS.date(day);
    }

    /** 1.500,00 €; "" for none. */
    static String money(BigDecimal amount) {
        return WORDS.money(amount);
    }

    /** An amount in its unit: 1.500,00 € or 0,75 VZÄ. */
    static String amount(BigDecimal amount, String unit) {
        return WORDS.amount(amount, unit);
    }

    /** A country's German name from its ISO code (DK: Dänemark). */
    static String country(String code) {
        return code == null || !code.matches("[A-Z]{2}")
                ? (code == null ? "" : code)
                : Locale.of("", code).getDisplayCountry(Locale.GERMANY);
    }

    /** Whether a field has something to show. */
    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** A number as German writes it (83,1); "" for none. */
    static String num(BigDecimal value) {
        return WORDS.number(value);
    }

    static String join(List<String> values) {
        return String.join(", ", values);
    }

    static boolean done(NextStepView step) {
        return step.status() == NextStep.Status.DONE;
    }

    /** ": 3 Idee, 1 genehmigt" for the projects by status; "" when there are none. */
    static String byStatus(Map<ProjectStatus, Long> byStatus) {
        return byStatus.isEmpty() ? "" : ": " + counted(byStatus, "ProjectStatus");
    }

    /** "3 Landeshauptstadt Kiel, 1 Kreis Plön": each count before the word for its key. */
    static String counted(Map<?, Long> counts, String type) {
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + label(type, e.getKey()))
                        .toList());
    }

    /** Cities only / beyond the cities / all. */
    static String counts(ReachCount c) {
        return c.citiesOnly() + " / " + c.beyondCities() + " / " + c.total();
    }

    /** A region's members, each with its degree of urbanisation. */
    static String members(List<RegionMember> members) {
        return String.join(
                ", ",
                members.stream()
                        .map(m -> text(m.name())
                                + (m.urbanisation() == null
                                        ? ""
                                        : " (" + label("Urbanisation", m.urbanisation()) + ")"))
                        .toList());
    }
}
