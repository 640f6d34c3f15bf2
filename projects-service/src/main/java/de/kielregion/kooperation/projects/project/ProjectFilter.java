package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.text.SearchText;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the project list, each optional: status, theme, measure, participating
 * shareholder, partner, words of the title or summary (ignoring case and accents, all must
 * occur), the country of a partner, and the interests a shareholder recorded (a theme of its, or a
 * partner in one of its countries or regions).
 */
public record ProjectFilter(
        ProjectStatus status,
        UUID themeId,
        UUID measureId,
        Shareholder shareholder,
        UUID partnerId,
        String q,
        String country,
        Shareholder interestsOf) {

    /** At most this many words of {@code q} count; a longer query narrows no further in practice. */
    static final int MAX_WORDS = 8;

    public static ProjectFilter none() {
        return new ProjectFilter(null, null, null, null, null, null, null, null);
    }

    /** The search keys of the words of {@code q}, as {@link SearchText} spells them. */
    List<String> words() {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SearchText.key(q).split(" "))
                .filter(w -> !w.isBlank())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }
}
