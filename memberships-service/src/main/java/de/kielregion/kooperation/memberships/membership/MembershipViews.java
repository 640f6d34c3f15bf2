package de.kielregion.kooperation.memberships.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.memberships.membership.MembershipApi.Evaluation;
import de.kielregion.kooperation.memberships.membership.MembershipApi.EvaluationView;
import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipView;
import de.kielregion.kooperation.memberships.organisation.Organisation;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.scoring.WeightedScore;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** How a membership is shown: the API view, computed from the aggregate, its organisation and fees. */
@ApplicationScoped
public class MembershipViews {

    private final OrganisationService organisations;
    private final MembershipFees fees;
    private final ObjectMapper mapper;

    MembershipViews(OrganisationService organisations, MembershipFees fees, ObjectMapper mapper) {
        this.organisations = organisations;
        this.fees = fees;
        this.mapper = mapper;
    }

    /** A membership as the API shows it, with its organisation, fee and notice deadlines. */
    public MembershipView of(Membership m) {
        Organisation o = organisations.find(m.organisationId);
        LocalDate today = LocalDate.now(Wording.ZONE);
        return new MembershipView(
                m.id,
                m.holder,
                m.organisationId,
                o.acronym,
                o.name,
                m.status,
                m.startDate,
                m.termMonths,
                m.renewalDate,
                m.nextRenewal(today),
                m.noticePeriod,
                m.lastNoticeDay(today),
                m.endDate,
                fees.current(m.id),
                m.contactPerson,
                List.copyOf(new TreeSet<>(m.workingGroups)),
                m.expectedBenefits,
                m.obligations,
                evaluationView(m.evaluation),
                m.fundingNote,
                m.createdAt,
                m.updatedAt,
                m.version);
    }

    private EvaluationView evaluationView(String json) {
        if (json == null) {
            return null;
        }
        try {
            Evaluation e = mapper.readValue(json, Evaluation.class);
            Map<String, BigDecimal> scores = new HashMap<>();
            e.scores().forEach(s -> scores.put(s.criterion(), s.score()));
            BigDecimal total = WeightedScore.total(e.criteria().stream()
                    .map(c -> new WeightedScore.Part(c.weight(), scores.getOrDefault(c.key(), BigDecimal.ZERO)))
                    .toList());
            return new EvaluationView(e.criteria(), e.scores(), total);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evaluation is unreadable", e);
        }
    }
}
