package de.kielregion.kooperation.partners.interest;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.partners.interest.InterestApi.InterestRequest;
import de.kielregion.kooperation.partners.interest.InterestApi.InterestView;
import de.kielregion.kooperation.partners.interest.InterestApi.RegionRef;
import de.kielregion.kooperation.partners.partner.Partner;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.SearchText;
import de.kielregion.kooperation.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/** What each shareholder cares about, recorded by itself (or a coordinator), and used as a filter. */
@ApplicationScoped
public class InterestService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final Caller caller;

    InterestService(EntityManager em, ChangeLog changeLog, Audit audit, Caller caller) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public InterestView get(Shareholder shareholder) {
        return view(find(shareholder));
    }

    private ShareholderInterest find(Shareholder shareholder) {
        ShareholderInterest interest = em.find(ShareholderInterest.class, shareholder);
        if (interest == null) {
            throw ProblemException.notFound("Interests of shareholder", shareholder);
        }
        return interest;
    }

    @Transactional
    public InterestView put(Shareholder shareholder, InterestRequest r, String ifMatch) {
        caller.requireMayWriteFor(shareholder);
        for (int i = 0; i < r.regionIds().size(); i++) {
            if (em.find(Partner.class, r.regionIds().get(i)) == null) {
                throw ProblemException.refusal("partner.unknown")
                        .with("partner", r.regionIds().get(i))
                        .invalid("regionIds[" + i + "]");
            }
        }
        ShareholderInterest interest = em.find(ShareholderInterest.class, shareholder);
        boolean created = interest == null;
        InterestView before = created ? null : view(interest);
        if (created) {
            interest = ShareholderInterest.of(shareholder);
        } else {
            Versions.requireCurrent(ifMatch, r.version(), interest.version, "The interests of " + shareholder);
        }
        interest.takeOver(r.themes().stream().map(String::trim).toList(), r.countries(), r.regionIds());
        if (created) {
            em.persist(interest);
        }
        Map<String, Object> changes = audit.diff(before == null ? Map.of() : before, view(interest));
        if (!created && changes.isEmpty()) {
            return before; // unchanged: not stamped, so its version stays
        }
        ShareholderInterest recorded = interest;
        changeLog.record(interest.changed(created), changes);
        return view(recorded);
    }

    /**
     * Which partners a shareholder's interests reach: a partner in one of its countries, one of its
     * regions or a partner belonging to one, or a partner with one of its themes (case and accents
     * ignored). A shareholder without recorded interests is a 409 naming how to record them.
     */
    @Transactional
    public Predicate<Partner> reaches(Shareholder shareholder) {
        ShareholderInterest interest = em.find(ShareholderInterest.class, shareholder);
        if (interest == null) {
            throw ProblemException.refusal("interest.none-recorded")
                    .with("shareholder", shareholder)
                    .with("path", "/shareholders/" + shareholder.name() + "/interests")
                    .conflict();
        }
        Set<String> themes = new TreeSet<>();
        interest.themes.forEach(t -> themes.add(SearchText.key(t)));
        Set<String> countries = Set.copyOf(interest.countries);
        Set<UUID> regions = Set.copyOf(interest.regionIds);
        return p -> countries.contains(p.country)
                || regions.contains(p.id)
                || (p.parentRegionId != null && regions.contains(p.parentRegionId))
                || p.themes.stream().map(SearchText::key).anyMatch(themes::contains);
    }

    private InterestView view(ShareholderInterest i) {
        List<RegionRef> regions = i.regionIds.stream()
                .map(id -> {
                    Partner p = em.find(Partner.class, id);
                    return new RegionRef(id, p == null ? null : p.name, p == null ? null : p.country);
                })
                .toList();
        return new InterestView(
                i.shareholder, List.copyOf(i.themes), List.copyOf(i.countries), regions, i.updatedAt, i.version);
    }
}
