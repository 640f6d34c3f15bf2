package de.kielregion.kooperation.portal.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    @SuppressWarnings("unchecked")
    static Map<String, Object> valuesOf(Map<String, Object> p) {
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
            v.put(f, p.get(f) == null ? "" : String.valueOf(p.get(f)));
        }
        v.put("themeIds", p.getOrDefault("themeIds", List.of()));
        v.put("shareholders", p.getOrDefault("shareholders", List.of()));
        List<String> partnerIds = new ArrayList<>();
        for (Object pp : (List<Object>) p.getOrDefault("partners", List.of())) {
            partnerIds.add(String.valueOf(((Map<String, Object>) pp).get("partnerId")));
        }
        v.put("partnerIds", partnerIds);
        List<Object> financing = (List<Object>) p.getOrDefault("financing", List.of());
        if (!financing.isEmpty()) {
            Map<String, Object> f = (Map<String, Object>) financing.get(0);
            v.put("financingKind", f.get("kind"));
            v.put("financingName", f.get("name"));
            v.put("financingAmount", String.valueOf(f.get("amount")));
        }
        return v;
    }

    /**
     * The service's request from the form; for an edit, {@code current} supplies what the form
     * does not show: the cooperation area, each kept partner's role, financing sources after the
     * first, and all partners when the partner list could not be shown (partners-service down).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> request(MultivaluedMap<String, String> form, Map<String, Object> current) {
        Map<String, String> roles = new java.util.HashMap<>();
        List<Object> currentPartners =
                current == null ? List.of() : (List<Object>) current.getOrDefault("partners", List.of());
        for (Object pp : currentPartners) {
            Map<String, Object> p = (Map<String, Object>) pp;
            roles.put(String.valueOf(p.get("partnerId")), String.valueOf(p.get("role")));
        }
        List<Map<String, Object>> partners = new ArrayList<>();
        if (current != null && Forms.text(form, "partnersShown") == null) {
            roles.forEach((partnerId, role) -> partners.add(Forms.body("partnerId", partnerId, "role", role)));
        } else {
            for (String partnerId : Forms.list(form, "partnerIds")) {
                partners.add(Forms.body("partnerId", partnerId, "role", roles.getOrDefault(partnerId, "PARTNER")));
            }
        }
        List<Map<String, Object>> financing = new ArrayList<>();
        if (Forms.text(form, "financingName") != null || Forms.text(form, "financingAmount") != null) {
            financing.add(Forms.body(
                    "kind",
                    Forms.text(form, "financingKind"),
                    "name",
                    Forms.text(form, "financingName"),
                    "amount",
                    Forms.decimal(form, "financingAmount")));
        }
        if (current != null) {
            List<Object> more = (List<Object>) current.getOrDefault("financing", List.of());
            for (int i = 1; i < more.size(); i++) {
                financing.add((Map<String, Object>) more.get(i));
            }
        }
        Map<String, Object> request = Forms.body(
                "title",
                Forms.text(form, "title"),
                "summary",
                Forms.text(form, "summary"),
                "measureId",
                Forms.text(form, "measureId"),
                "themeIds",
                Forms.list(form, "themeIds"),
                "lead",
                Forms.text(form, "lead"),
                "shareholders",
                Forms.list(form, "shareholders"),
                "partners",
                partners,
                "plannedStart",
                Forms.text(form, "plannedStart"),
                "plannedEnd",
                Forms.text(form, "plannedEnd"),
                "financing",
                financing,
                "effort",
                Forms.integer(form, "effort"),
                "impact",
                Forms.integer(form, "impact"),
                "monthsToStart",
                Forms.integer(form, "monthsToStart"),
                "fundingSecured",
                Forms.integer(form, "fundingSecured"));
        if (current != null && current.get("cooperationAreaId") != null) {
            request.put("cooperationAreaId", current.get("cooperationAreaId"));
        }
        return request;
    }
}
