package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.PartnersApi;
import de.kielregion.kooperation.portal.api.ServiceProblem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Partners: search, map, detail with relations, engagement, contacts; cooperation areas with their analysis. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PartnersPage extends PageSupport {

    static final List<String> TYPES =
            List.of("CITY", "REGION", "DISTRICT", "AGENCY", "UNIVERSITY", "CHAMBER", "NETWORK_SECRETARIAT", "COMPANY");
    static final List<String> RELATION_KINDS = List.of("TWIN_CITY", "PROJECT_PARTNER", "NETWORK_CONTACT", "OTHER");
    static final List<String> RELATION_STATUSES = List.of("PROSPECT", "ACTIVE", "DORMANT", "ENDED");

    @Inject
    @RestClient
    PartnersApi partners;

    @ConfigProperty(name = "portal.map.tiles-url")
    java.util.Optional<String> tilesUrl;

    @ConfigProperty(name = "portal.map.attribution")
    java.util.Optional<String> attribution;

    @Inject
    @Location("partners/list.html")
    Template list;

    @Inject
    @Location("partners/detail.html")
    Template detail;

    @Inject
    @Location("partners/area.html")
    Template area;

    @GET
    @Path("partners")
    public TemplateInstance list(
            @QueryParam("q") String q,
            @QueryParam("type") String type,
            @QueryParam("country") String country,
            @QueryParam("page") String page) {
        String query = blankToNull(q);
        if (query != null && query.length() > 200) {
            query = query.substring(0, 200);
        }
        String t = oneOf(TYPES, type) ? type : null;
        String c = country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase() : null;
        Map<String, Object> result = partners.partners(query, t, c, null, pageNumber(page), 20, "name");
        StringBuilder params = new StringBuilder();
        if (query != null) {
            params.append("&q=").append(java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (t != null) {
            params.append("&type=").append(t);
        }
        if (c != null) {
            params.append("&country=").append(c);
        }
        return page(list)
                .data("result", result)
                .data("q", query == null ? "" : query)
                .data("type", t == null ? "" : t)
                .data("country", c == null ? "" : c)
                .data("types", TYPES)
                .data("query", params.toString())
                .data("tilesUrl", tilesUrl.orElse(""))
                .data("attribution", attribution.orElse(""))
                .data("areas", Section.of("partners", () -> partners.areas(0, 50)));
    }

    /** The partners (same filters as the list) as a spreadsheet. */
    @GET
    @Path("partners/export.xlsx")
    @Produces(XLSX)
    public jakarta.ws.rs.core.Response xlsx(
            @QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country) {
        String query = blankToNull(q);
        return file(
                partners.partnersXlsx(
                        query == null || query.length() > 200 ? null : query,
                        oneOf(TYPES, type) ? type : null,
                        country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase() : null),
                XLSX,
                "partner-" + java.time.LocalDate.now(Ui.ZONE) + ".xlsx");
    }

    /** The partners as GeoJSON for the map (same filters as the list). */
    @GET
    @Path("partners/map.geojson")
    @Produces("application/geo+json")
    public String geoJson(
            @QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country) {
        String query = blankToNull(q);
        return partners.geoJson(
                query == null || query.length() > 200 ? null : query,
                oneOf(TYPES, type) ? type : null,
                country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase() : null);
    }

    @GET
    @Path("partners/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        String partnerId = Options.uuid(id);
        Map<String, Object> partner = partners.partner(partnerId);
        return page(detail)
                .data("p", partner)
                .data("relations", Section.of("partners", () -> partners.relations(null, partnerId, 0, 100)))
                .data("engagement", Section.of("partners", () -> partners.engagement(partnerId)))
                .data("decisions", Section.of("partners", () -> partners.decisions(partnerId)))
                .data(
                        "contacts",
                        ui.canSeeContacts() ? Section.of("partners", () -> partners.contacts(partnerId)) : null)
                .data("kinds", RELATION_KINDS)
                .data("relationStatuses", RELATION_STATUSES)
                .data("shareholders", Options.SHAREHOLDERS)
                .data("problem", null)
                .data("values", Map.of());
    }

    /** A shareholder (or a coordinator) records a relation of its own with this partner. */
    @POST
    @Path("partners/{id}/relations")
    public Response addRelation(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String partnerId = Options.uuid(id);
        return submit(
                form,
                () -> {
                    partners.createRelation(Forms.body(
                            "shareholder",
                            Forms.text(form, "shareholder"),
                            "partnerId",
                            partnerId,
                            "kind",
                            Forms.text(form, "kind"),
                            "status",
                            Forms.text(form, "status"),
                            "since",
                            Forms.text(form, "since"),
                            "note",
                            Forms.text(form, "note")));
                    return "/partners/" + partnerId + "#relations";
                },
                detailAgain(partnerId));
    }

    /** Changes a relation's status (its shareholder, or a coordinator). */
    @POST
    @Path("relations/{id}/status")
    public Response relationStatus(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String relationId = Options.uuid(id);
        Map<String, Object> relation = partners.relation(relationId);
        String partnerId = String.valueOf(relation.get("partnerId"));
        return submit(
                form,
                () -> {
                    Map<String, Object> body = new java.util.LinkedHashMap<>();
                    for (String field : List.of(
                            "shareholder", "partnerId", "kind", "since", "until", "themes", "note", "version")) {
                        body.put(field, relation.get(field));
                    }
                    body.put("status", Forms.text(form, "status"));
                    partners.updateRelation(relationId, "\"" + relation.get("version") + "\"", body);
                    return "/partners/" + partnerId + "#relations";
                },
                detailAgain(partnerId));
    }

    /** The partner page again after a refused relation, its violations shown where the page has no field. */
    private java.util.function.Function<ServiceProblem, TemplateInstance> detailAgain(String partnerId) {
        return problem -> detail(partnerId).data("otherViolations", problem.otherViolations(java.util.Set.of("since")));
    }

    @GET
    @Path("areas/{id}")
    public TemplateInstance area(@PathParam("id") String id, @QueryParam("interestsOf") String interestsOf) {
        String areaId = Options.uuid(id);
        String of = oneOf(Options.SHAREHOLDERS, interestsOf) ? interestsOf : null;
        java.util.concurrent.atomic.AtomicBoolean noInterests = new java.util.concurrent.atomic.AtomicBoolean();
        TemplateInstance page = page(area)
                .data("area", partners.area(areaId))
                .data("analysis", Section.of("partners", () -> {
                    try {
                        return partners.analysis(areaId, of);
                    } catch (ServiceProblem p) {
                        if (p.status() == 404 || p.status() == 409) {
                            noInterests.set(p.status() == 409);
                            return Map.of("ranking", List.of(), "criteria", List.of());
                        }
                        throw p;
                    }
                }));
        return page.data("interestsOf", of == null ? "" : of)
                .data("noInterests", noInterests.get())
                .data("shareholders", Options.SHAREHOLDERS);
    }
}
