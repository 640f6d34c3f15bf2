package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.model.FinancingKind;
import de.kielregion.kooperation.portal.clients.projects.model.FinancingSource;
import de.kielregion.kooperation.portal.clients.projects.model.PartnerRef;
import de.kielregion.kooperation.portal.clients.projects.model.PartnerRole;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectPartner;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectView;
import de.kielregion.kooperation.portal.clients.projects.model.Shareholder;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The project form: the project's values in the form's names, and the service's request from the form. */
final class ProjectForm {

    /** The form's fields, as the service names them in its violations. */
    static final Set<String> FIELDS = Set.of(
            "title",
            "summary",
            "measureId",
            "themeIds",
            "lead",
            "shareholders",
            "partners",
            "plannedStart",
            "plannedEnd",
            "effort",
            "impact",
            "monthsToStart",
            "fundingSecured",
            "financing[0].kind",
            "financing[0].name",
            "financing[0].amount");

    private ProjectForm() {}

    /** The project's current values in the form's names, for editing. */
    static Map<String, Object> valuesOf(ProjectView p) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String f : List.of(
                "title",
                "summary",
                "measureId",
                "lead",
                "plannedStart",
                "plannedEnd",
                "effort",
                "impact",
                "monthsToStart",
                "fundingSecured",
                "version")) {
            Object value = Ui.property(p, f);
            v.put(f, value == null ? "" : String.valueOf(value));
        }
        v.put("themeIds", strings(p.getThemeIds()));
        v.put("shareholders", strings(p.getShareholders()));
        v.put(
                "partnerIds",
                strings(p.getPartners().stream()
                        .map(ProjectPartner::getPartnerId)
                        .toList()));
        if (p.getFinancing() != null && !p.getFinancing().isEmpty()) {
            FinancingSource f = p.getFinancing().get(0);
            v.put("financingKind", String.valueOf(f.getKind()));
            v.put("financingName", f.getName());
            v.put("financingAmount", String.valueOf(f.getAmount()));
        }
        return v;
    }

    private static List<String> strings(List<?> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    /**
     * The service's request from the form; for an edit, {@code current} supplies what the form
     * does not show: the cooperation area, each kept partner's role, financing sources after the
     * first, and all partners when the partner list could not be shown (partners-service down).
     */
    static ProjectRequest request(
            MultivaluedMap<String, String> form, ProjectView current, java.util.function.UnaryOperator<String> labels) {
        Forms.Reader f = Forms.read(form, labels);
        Map<UUID, PartnerRole> roles = new LinkedHashMap<>();
        if (current != null) {
            current.getPartners().forEach(pp -> roles.put(pp.getPartnerId(), pp.getRole()));
        }
        List<PartnerRef> partners = new ArrayList<>();
        if (current != null && f.text("partnersShown") == null) {
            roles.forEach((partnerId, role) ->
                    partners.add(new PartnerRef().partnerId(partnerId).role(role)));
        } else {
            for (UUID partnerId : f.uuids("partnerIds")) {
                partners.add(
                        new PartnerRef().partnerId(partnerId).role(roles.getOrDefault(partnerId, PartnerRole.PARTNER)));
            }
        }
        List<FinancingSource> financing = new ArrayList<>();
        if (f.text("financingName") != null || f.text("financingAmount") != null) {
            financing.add(new FinancingSource()
                    .kind(f.choice("financingKind", FinancingKind::fromValue))
                    .name(f.text("financingName"))
                    .amount(f.decimal("financingAmount")));
        }
        if (current != null && current.getFinancing() != null) {
            financing.addAll(current.getFinancing().stream().skip(1).toList());
        }
        return f.done(new ProjectRequest()
                .title(f.text("title"))
                .summary(f.text("summary"))
                .measureId(f.uuid("measureId"))
                .themeIds(f.uuids("themeIds"))
                .lead(f.text("lead"))
                .shareholders(f.choices("shareholders", Shareholder::fromValue))
                .partners(partners)
                .plannedStart(f.date("plannedStart"))
                .plannedEnd(f.date("plannedEnd"))
                .financing(financing)
                .effort(f.integer("effort"))
                .impact(f.integer("impact"))
                .monthsToStart(f.integer("monthsToStart"))
                .fundingSecured(f.integer("fundingSecured"))
                .cooperationAreaId(current == null ? null : current.getCooperationAreaId())
                .version(current == null ? null : f.version()));
    }
}
