package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.projects.ProjectsApi;
import de.kielregion.kooperation.portal.clients.projects.model.FinancingKind;
import de.kielregion.kooperation.portal.clients.projects.model.FinancingSource;
import de.kielregion.kooperation.portal.clients.projects.model.PartnerRef;
import de.kielregion.kooperation.portal.clients.projects.model.PartnerRole;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The parts of a project with several rows, each on a page of its own (coordinators): its partners
 * with their roles (one lead partner), and its co-financing sources. The rest of the project is
 * sent back as it is.
 */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectParts extends PageSupport {

    /** Empty rows for new partners and new sources. */
    static final int NEW_ROWS = 3;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @Location("projects/partners.html")
    Template partnersForm;

    @Inject
    @Location("projects/financing.html")
    Template financingForm;

    /** A row of the form as the template draws it (values as typed or stored). */
    @io.quarkus.qute.TemplateData
    public record Row(String id, String label, String first, String second, String third) {}

    // Partners and their roles

    @GET
    @Path("{id}/partners")
    public TemplateInstance partnersPage(@PathParam("id") String id) {
        allowed(ui.canEdit());
        ProjectView p = projects.getProject(Options.id(id));
        List<Row> rows = new ArrayList<>(p.getPartners().stream()
                .map(pp -> new Row(
                        pp.getPartnerId().toString(),
                        pp.getName()
                                + (Boolean.TRUE.equals(pp.getRetired()) ? " (" + ui.t("partners.retired") + ")" : ""),
                        String.valueOf(pp.getRole()),
                        "",
                        ""))
                .toList());
        return partnersPage(p, rows, List.of()).data("problem", null);
    }

    @POST
    @Path("{id}/partners")
    public Response setPartners(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ProjectView p = projects.getProject(Options.id(id));
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    List<String> ids = form.getOrDefault("partnerId", List.of());
                    List<String> roles = form.getOrDefault("role", List.of());
                    Map<UUID, PartnerRole> chosen = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size() && i < roles.size(); i++) {
                        if (!ids.get(i).isBlank() && !roles.get(i).isBlank()) {
                            UUID partner = Options.id(ids.get(i));
                            chosen.put(
                                    partner,
                                    f.choiceOf(roles.get(i), "partners[" + i + "].role", PartnerRole::fromValue));
                        }
                    }
                    List<PartnerRef> refs = new ArrayList<>();
                    chosen.forEach((partner, role) ->
                            refs.add(new PartnerRef().partnerId(partner).role(role)));
                    ProjectRequest request = f.done(sameAs(p, f.version()).partners(refs));
                    projects.updateProject(p.getId(), request, Forms.ifMatch(request.getVersion()));
                    return "/projects/" + p.getId();
                },
                problem -> {
                    List<String> ids = form.getOrDefault("partnerId", List.of());
                    List<String> roles = form.getOrDefault("role", List.of());
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < p.getPartners().size() && i < roles.size(); i++) {
                        var pp = p.getPartners().get(i);
                        rows.add(new Row(pp.getPartnerId().toString(), pp.getName(), roles.get(i), "", ""));
                    }
                    List<Row> added = new ArrayList<>();
                    for (int i = p.getPartners().size(); i < ids.size() && i < roles.size(); i++) {
                        added.add(new Row(ids.get(i), "", roles.get(i), "", ""));
                    }
                    return partnersPage(p, rows, added).data("otherViolations", problem.otherViolations(List.of()));
                });
    }

    private TemplateInstance partnersPage(ProjectView p, List<Row> current, List<Row> added) {
        List<Row> fresh = new ArrayList<>(added);
        while (fresh.size() < NEW_ROWS) {
            fresh.add(new Row("", "", "", "", ""));
        }
        List<FormPage.Option> choices =
                partners
                        .searchPartners(null, null, 0, null, null, 500, "name", "ACTIVE", null, null, null)
                        .getItems()
                        .stream()
                        .filter(c -> p.getPartners().stream()
                                .noneMatch(pp -> pp.getPartnerId().equals(c.getId())))
                        .map(c -> new FormPage.Option(
                                c.getId().toString(), c.getName() + " (" + ui.country(c.getCountry()) + ")"))
                        .toList();
        return page(partnersForm)
                .data("p", p)
                .data("rows", current)
                .data("fresh", fresh)
                .data("choices", choices)
                .data("roles", options("PartnerRole", Options.of(PartnerRole.class)));
    }

    // Co-financing sources

    @GET
    @Path("{id}/financing")
    public TemplateInstance financingPage(@PathParam("id") String id) {
        allowed(ui.canEdit());
        ProjectView p = projects.getProject(Options.id(id));
        List<Row> rows = p.getFinancing() == null
                ? List.of()
                : p.getFinancing().stream()
                        .map(f -> new Row(
                                "",
                                "",
                                String.valueOf(f.getKind()),
                                f.getName(),
                                f.getAmount().toPlainString()))
                        .toList();
        return financingPage(p, rows).data("problem", null);
    }

    @POST
    @Path("{id}/financing")
    public Response setFinancing(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ProjectView p = projects.getProject(Options.id(id));
        List<String> kinds = form.getOrDefault("kind", List.of());
        List<String> names = form.getOrDefault("name", List.of());
        List<String> amounts = form.getOrDefault("amount", List.of());
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    List<FinancingSource> sources = new ArrayList<>();
                    for (int i = 0; i < kinds.size() && i < names.size() && i < amounts.size(); i++) {
                        if (names.get(i).isBlank() && amounts.get(i).isBlank()) {
                            continue; // an empty row
                        }
                        int n = sources.size();
                        sources.add(new FinancingSource()
                                .kind(f.choiceOf(kinds.get(i), "financing[" + n + "].kind", FinancingKind::fromValue))
                                .name(
                                        names.get(i).isBlank()
                                                ? null
                                                : names.get(i).trim())
                                .amount(f.decimalValue(amounts.get(i), "financing[" + n + "].amount")));
                    }
                    ProjectRequest request = f.done(sameAs(p, f.version()).financing(sources));
                    projects.updateProject(p.getId(), request, Forms.ifMatch(request.getVersion()));
                    return "/projects/" + p.getId();
                },
                problem -> {
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < kinds.size() && i < names.size() && i < amounts.size(); i++) {
                        if (!names.get(i).isBlank() || !amounts.get(i).isBlank()) {
                            rows.add(new Row("", "", kinds.get(i), names.get(i), amounts.get(i)));
                        }
                    }
                    return financingPage(p, rows).data("otherViolations", problem.otherViolations(List.of()));
                });
    }

    private TemplateInstance financingPage(ProjectView p, List<Row> current) {
        List<Row> rows = new ArrayList<>(current);
        for (int i = 0; i < NEW_ROWS; i++) {
            rows.add(new Row("", "", "", "", ""));
        }
        return page(financingForm)
                .data("p", p)
                .data("rows", rows)
                .data("kinds", options("Financing", Options.FINANCING_KINDS));
    }

    /**
     * The project on the map: its partners' places as GeoJSON points (name, role), for the map on
     * the project's page; partners without coordinates are left out.
     */
    @GET
    @Path("{id}/map.geojson")
    @Produces("application/geo+json")
    public Map<String, Object> map(@PathParam("id") String id) {
        ProjectView p = projects.getProject(Options.id(id));
        List<Map<String, Object>> features = new ArrayList<>();
        for (var pp : p.getPartners()) {
            var partner = partners.getPartner(pp.getPartnerId());
            if (partner.getCoordinates() == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", partner.getId().toString());
            properties.put("name", partner.getName() + " – " + ui.e("PartnerRole", pp.getRole()));
            features.add(Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of(
                            "type",
                            "Point",
                            "coordinates",
                            List.of(
                                    partner.getCoordinates().getLongitude(),
                                    partner.getCoordinates().getLatitude())),
                    "properties",
                    properties));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    /** The project as it is, for a PUT that changes one part of it. */
    static ProjectRequest sameAs(ProjectView p, Long version) {
        return new ProjectRequest()
                .title(p.getTitle())
                .summary(p.getSummary())
                .themeIds(p.getThemeIds())
                .measureId(p.getMeasureId())
                .cooperationAreaId(p.getCooperationAreaId())
                .lead(p.getLead())
                .shareholders(p.getShareholders())
                .partners(p.getPartners().stream()
                        .map(pp -> new PartnerRef().partnerId(pp.getPartnerId()).role(pp.getRole()))
                        .toList())
                .plannedStart(p.getPlannedStart())
                .plannedEnd(p.getPlannedEnd())
                .financing(p.getFinancing())
                .effort(p.getEffort())
                .impact(p.getImpact())
                .monthsToStart(p.getMonthsToStart())
                .fundingSecured(p.getFundingSecured())
                .version(version);
    }
}
