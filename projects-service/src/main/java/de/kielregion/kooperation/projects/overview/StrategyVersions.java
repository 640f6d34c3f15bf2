package de.kielregion.kooperation.projects.overview;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.decision.StrategyAdoption;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The adopted versions of the strategy: adopting it (a STRATEGY_ADOPTED decision, APPROVED)
 * freezes the document as it stands, numbered 1, 2, ...; what changed since, section by section.
 * The frozen document is the strategy itself: without the decision register and the year's
 * results, which change with every decision and report, and without the time it was generated.
 */
@ApplicationScoped
public class StrategyVersions {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final OverviewService overview;

    StrategyVersions(EntityManager em, ChangeLog changeLog, OverviewService overview) {
        this.em = em;
        this.changeLog = changeLog;
        this.overview = overview;
    }

    @Schema(name = "StrategyVersion")
    public record VersionView(int number, UUID decisionId, LocalDate adoptedOn, String body, String sha256) {}

    /** How a section differs: only today's (ADDED), only the adopted version's (REMOVED), or in both, changed. */
    public enum SectionChange {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** A line that differs: in the adopted version only (REMOVED) or in today's only (ADDED). */
    public record LineChange(boolean added, String text) {}

    public record SectionDiff(String title, SectionChange change, List<LineChange> lines) {}

    @Schema(description = "What differs between the adopted version and the strategy today, by section")
    public record Changes(VersionView adopted, List<SectionDiff> sections) {}

    /** Freezes a version in the transaction that records the adopting decision. */
    void onAdopted(@Observes StrategyAdoption adoption) {
        // One adoption after the other: the table lock keeps the numbers without gaps or twins.
        em.createNativeQuery("LOCK TABLE strategy_version IN SHARE ROW EXCLUSIVE MODE")
                .executeUpdate();
        Integer last = em.createQuery("SELECT max(v.number) FROM StrategyVersion v", Integer.class)
                .getSingleResult();
        Overview o = overview.overview(LocalDate.now(Wording.ZONE).getYear());
        StrategyVersion v = StrategyVersion.adopt(
                last == null ? 0 : last,
                adoption.decisionId(),
                adoption.body(),
                adoption.adoptedOn(),
                frozen(o),
                StrategyDocument.pdf(o, List.of(), null),
                Instant.now());
        em.persist(v);
        changeLog.record(v.adopted());
    }

    /** The document as it is frozen and compared: the strategy, without the line saying when it was made. */
    private static String frozen(Overview o) {
        return StrategyDocument.markdown(o, List.of(), null)
                .lines()
                .filter(line -> !line.startsWith("Kooperation im Ostseeraum. Stand:"))
                .reduce(new StringBuilder(), (b, line) -> b.append(line).append('\n'), StringBuilder::append)
                .toString();
    }

    @Transactional
    public List<VersionView> versions() {
        return em
                .createQuery("FROM StrategyVersion ORDER BY number DESC", StrategyVersion.class)
                .getResultList()
                .stream()
                .map(StrategyVersions::view)
                .toList();
    }

    @Transactional
    public byte[] pdf(int number) {
        return version(number).pdf;
    }

    @Transactional
    public String markdown(int number) {
        return version(number).markdown;
    }

    private StrategyVersion version(int number) {
        StrategyVersion v = em.find(StrategyVersion.class, number);
        if (v == null) {
            throw ProblemException.notFound("StrategyVersion", number);
        }
        return v;
    }

    /** What differs from the last adopted version (none adopted: no version, no sections). */
    @Transactional
    public Changes changes(int year) {
        StrategyVersion last = em.createQuery("FROM StrategyVersion ORDER BY number DESC", StrategyVersion.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (last == null) {
            return new Changes(null, List.of());
        }
        return new Changes(view(last), diff(last.markdown, frozen(overview.overview(year))));
    }

    /** The sections (a "## " heading and what follows; the title part before the first) that differ. */
    static List<SectionDiff> diff(String adopted, String today) {
        Map<String, List<String>> before = sections(adopted);
        Map<String, List<String>> after = sections(today);
        List<SectionDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, List<String>> section : after.entrySet()) {
            List<String> old = before.get(section.getKey());
            if (old == null) {
                diffs.add(new SectionDiff(
                        section.getKey(),
                        SectionChange.ADDED,
                        section.getValue().stream()
                                .map(l -> new LineChange(true, l))
                                .toList()));
            } else if (!old.equals(section.getValue())) {
                List<LineChange> lines = new ArrayList<>();
                for (AbstractDelta<String> delta :
                        DiffUtils.diff(old, section.getValue()).getDeltas()) {
                    delta.getSource().getLines().forEach(l -> lines.add(new LineChange(false, l)));
                    delta.getTarget().getLines().forEach(l -> lines.add(new LineChange(true, l)));
                }
                diffs.add(new SectionDiff(section.getKey(), SectionChange.CHANGED, lines));
            }
        }
        for (Map.Entry<String, List<String>> section : before.entrySet()) {
            if (!after.containsKey(section.getKey())) {
                diffs.add(new SectionDiff(
                        section.getKey(),
                        SectionChange.REMOVED,
                        section.getValue().stream()
                                .map(l -> new LineChange(false, l))
                                .toList()));
            }
        }
        return diffs;
    }

    private static Map<String, List<String>> sections(String markdown) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String title = "";
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                title = line.substring(3).strip();
                sections.putIfAbsent(title, new ArrayList<>());
            } else if (!line.isBlank()) {
                sections.computeIfAbsent(title, k -> new ArrayList<>()).add(line);
            }
        }
        return sections;
    }

    private static VersionView view(StrategyVersion v) {
        return new VersionView(v.number, v.decisionId, v.adoptedOn, v.body, v.sha256);
    }
}
