package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.projects.overview.OverviewApi.ReachCount;
import de.kielregion.kooperation.projects.overview.OverviewApi.RegionMember;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import de.kielregion.kooperation.projects.strategy.NextStep;
import de.kielregion.kooperation.projects.strategy.StrategyApi.NextStepView;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

    /** Whether a field has something to show. */
    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** An amount as it is stored, without exponent; "" for none. */
    static String num(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String join(List<String> values) {
        return String.join(", ", values);
    }

    static boolean done(NextStepView step) {
        return step.status() == NextStep.Status.DONE;
    }

    /** ": 3 IDEA, 1 APPROVED" for the projects by status; "" when there are none. */
    static String byStatus(Map<ProjectStatus, Long> byStatus) {
        return byStatus.isEmpty() ? "" : ": " + counted(byStatus);
    }

    /** "3 KIEL, 1 PLOEN": each count before its key. */
    static String counted(Map<?, Long> counts) {
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
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
                        .map(m -> text(m.name()) + (m.urbanisation() == null ? "" : " (" + m.urbanisation() + ")"))
                        .toList());
    }
}
