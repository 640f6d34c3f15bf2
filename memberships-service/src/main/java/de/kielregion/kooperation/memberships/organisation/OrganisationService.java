package de.kielregion.kooperation.memberships.organisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.memberships.OrganisationChanged;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.Band;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.FeeModel;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.FeeModelType;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.OrganisationRequest;
import de.kielregion.kooperation.memberships.organisation.OrganisationApi.OrganisationView;
import de.kielregion.kooperation.memberships.partner.PartnerName;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.json.JsonColumns;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Organisations KielRegion or its shareholders can join. */
@ApplicationScoped
public class OrganisationService {

    private static final Map<String, String> SORTABLE =
            Map.of("name", "o.name", "acronym", "o.acronym", "updatedAt", "o.updatedAt");

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final ObjectMapper mapper;

    OrganisationService(EntityManager em, ChangeLog changeLog, Audit audit, ObjectMapper mapper) {
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public Page<OrganisationView> list(String q, OrganisationKind kind, PageQuery paging) {
        String pattern = q == null || q.isBlank()
                ? null
                : ListQuery.likeContains(q.trim().toLowerCase());
        return ListQuery.of(Organisation.class, "o")
                .where("(lower(o.name) LIKE :q ESCAPE '\\' OR lower(o.acronym) LIKE :q ESCAPE '\\')", "q", pattern)
                .where("o.kind = :kind", "kind", kind)
                .page(em, paging, SORTABLE, "acronym")
                .map(this::view);
    }

    @Transactional
    public OrganisationView get(UUID id) {
        return view(find(id));
    }

    public Organisation find(UUID id) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw ProblemException.notFound("Organisation", id);
        }
        return organisation;
    }

    @Transactional
    public OrganisationView register(OrganisationRequest request) {
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        apply(o, request);
        em.persist(o);
        return changeLog.record(o.registered(feeModelOf(o)), null, () -> view(o));
    }

    @Transactional
    public OrganisationView update(UUID id, OrganisationRequest request, String ifMatch) {
        Organisation o = find(id);
        Versions.requireCurrent(ifMatch, request.version(), o.version, "Organisation " + id);
        OrganisationView before = view(o);
        apply(o, request);
        Map<String, Object> changes = audit.diff(before, view(o));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(o.updated(feeModelOf(o)), changes);
        return view(o);
    }

    private void apply(Organisation o, OrganisationRequest r) {
        String acronym = r.acronym().trim().toUpperCase();
        Long taken = em.createQuery(
                        "SELECT count(o) FROM Organisation o WHERE o.acronym = :a AND o.id <> :id", Long.class)
                .setParameter("a", acronym)
                .setParameter("id", o.id)
                .getSingleResult();
        if (taken > 0) {
            throw ProblemException.refusal("organisation.acronym-taken")
                    .with("acronym", acronym)
                    .conflict();
        }
        checkFeeModel(r.feeModel());
        o.name = r.name().trim();
        o.acronym = acronym;
        o.kind = r.kind();
        o.website = Texts.trimToNull(r.website());
        o.seatCountry = r.seatCountry();
        o.description = Texts.trimToNull(r.description());
        o.feeModel = JsonColumns.write(mapper, r.feeModel());
        replace(o.themes, r.themes());
        replace(o.workingGroups, r.workingGroups());
        TreeSet<UUID> partners = new TreeSet<>(r.memberPartnerIds() == null ? List.of() : r.memberPartnerIds());
        if (!o.memberPartnerIds.equals(partners)) {
            o.memberPartnerIds.clear();
            o.memberPartnerIds.addAll(partners);
        }
    }

    /** FLAT needs flatFee and no bands; POPULATION_BAND needs bands that start at 0 and do not overlap. */
    static void checkFeeModel(FeeModel model) {
        if (model.type() == FeeModelType.FLAT) {
            if (model.flatFee() == null) {
                throw ProblemException.refusal("organisation.flat-fee-required").invalid("feeModel.flatFee");
            }
            if (model.bands() != null && !model.bands().isEmpty()) {
                throw ProblemException.refusal("organisation.bands-not-for-flat")
                        .invalid("feeModel.bands");
            }
            return;
        }
        if (model.bands() == null || model.bands().isEmpty()) {
            throw ProblemException.refusal("organisation.bands-required").invalid("feeModel.bands");
        }
        long expectedFrom = 0;
        for (int i = 0; i < model.bands().size(); i++) {
            Band band = model.bands().get(i);
            if (band.fromPopulation() != expectedFrom) {
                throw ProblemException.refusal("organisation.band-gap-or-overlap")
                        .with("expectedFrom", expectedFrom)
                        .invalid("feeModel.bands[" + i + "].fromPopulation");
            }
            boolean last = i == model.bands().size() - 1;
            if (band.toPopulation() == null && !last) {
                throw ProblemException.refusal("organisation.band-open-only-last")
                        .invalid("feeModel.bands[" + i + "].toPopulation");
            }
            if (band.toPopulation() != null && band.toPopulation() <= band.fromPopulation()) {
                throw ProblemException.refusal("organisation.band-upper-above-lower")
                        .invalid("feeModel.bands[" + i + "].toPopulation");
            }
            expectedFrom = band.toPopulation() == null ? -1 : band.toPopulation();
        }
    }

    /** The fee the model asks of a member with {@code population} inhabitants. */
    public static BigDecimal feeFor(FeeModel model, long population) {
        if (model.type() == FeeModelType.FLAT) {
            return model.flatFee();
        }
        for (Band band : model.bands()) {
            if (population >= band.fromPopulation()
                    && (band.toPopulation() == null || population < band.toPopulation())) {
                return band.fee();
            }
        }
        throw ProblemException.refusal("organisation.no-band-for-population")
                .with("population", population)
                .badRequest();
    }

    public FeeModel feeModel(Organisation o) {
        try {
            return mapper.readValue(o.feeModel, FeeModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored fee model is unreadable", e);
        }
    }

    /** The stored fee model as the contracts tell it. */
    private OrganisationChanged.FeeModel feeModelOf(Organisation o) {
        try {
            return mapper.readValue(o.feeModel, OrganisationChanged.FeeModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored fee model is unreadable", e);
        }
    }

    private OrganisationView view(Organisation o) {
        return new OrganisationView(
                o.id,
                o.name,
                o.acronym,
                o.kind,
                o.website,
                o.seatCountry,
                o.description,
                feeModel(o),
                List.copyOf(new TreeSet<>(o.themes)),
                List.copyOf(new TreeSet<>(o.workingGroups)),
                List.copyOf(new TreeSet<>(o.memberPartnerIds)),
                new TreeSet<>(o.memberPartnerIds)
                        .stream()
                                .map(id -> {
                                    PartnerName p = em.find(PartnerName.class, id);
                                    return new OrganisationApi.MemberPartner(
                                            id, p == null ? null : p.name, p == null ? "UNKNOWN" : p.status);
                                })
                                .toList(),
                o.createdAt,
                o.updatedAt,
                o.version);
    }

    private static void replace(java.util.Set<String> target, List<String> values) {
        TreeSet<String> wanted = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> wanted.add(v.trim()));
        }
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }
}
