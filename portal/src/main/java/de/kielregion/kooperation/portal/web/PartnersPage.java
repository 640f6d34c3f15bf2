package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.PartnersGeoJson;
import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.partners.CooperationAreasApi;
import de.kielregion.kooperation.portal.clients.partners.DecisionsOnPartnersApi;
import de.kielregion.kooperation.portal.clients.partners.EngagementApi;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.partners.RelationsApi;
import de.kielregion.kooperation.portal.clients.partners.model.PagePartnerView;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerType;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerView;
import de.kielregion.kooperation.portal.clients.partners.model.RelationKind;
import de.kielregion.kooperation.portal.clients.partners.model.RelationRequest;
import de.kielregion.kooperation.portal.clients.partners.model.RelationStatus;
import de.kielregion.kooperation.portal.clients.partners.model.RelationView;
import de.kielregion.kooperation.portal.clients.partners.model.Shareholder;
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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Partners: search, map, detail with relations, engagement, contacts; cooperation areas with their analysis. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PartnersPage extends PageSupport {

    static final List<String> TYPES = Options.of(PartnerType.class);
    static final List<String> RELATION_KINDS = Options.of(RelationKind.class);
    static final List<String> RELATION_STATUSES = Options.of(RelationStatus.class);

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @RestClient
    RelationsApi relations;

    @Inject
    @RestClient
    CooperationAreasApi areas;

    @Inject
    @RestClient
    EngagementApi engagement;

    @Inject
    @RestClient
    DecisionsOnPartnersApi decisions;

    @Inject
    @RestClient
    PartnersGeoJson geoJson;

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
        PagePartnerView result =
                partners.searchPartners(null, c, pageNumber(page), null, query, 20, "name", null, null, t, null);
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
                .data("countries", Options.COUNTRIES)
                .data("query", params.toString())
                .data("tilesUrl", tilesUrl.orElse(""))
                .data("attribution", attribution.orElse(""))
                .data("areas", Section.of("partners", () -> areas.listCooperationAreas(null, 0, null, 50, null)));
    }

    /** The partners (same filters as the list) as a spreadsheet. */
    @GET
    @Path("partners/export.xlsx")
    @Produces(XLSX)
    public jakarta.ws.rs.core.Response xlsx(
            @QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country) {
        String query = blankToNull(q);
        return file(
                partners.exportPartnersXlsx(
                        country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase() : null,
                        null,
                        query == null || query.length() > 200 ? null : query,
                        null,
                        null,
                        oneOf(TYPES, type) ? type : null,
                        null),
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
        return geoJson.geoJson(
                query == null || query.length() > 200 ? null : query,
                oneOf(TYPES, type) ? type : null,
                country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase() : null);
    }

    @GET
    @Path("partners/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        UUID partnerId = Options.id(id);
        PartnerView partner = partners.getPartner(partnerId);
        return page(detail)
                .data("p", partner)
                .data(
                        "relations",
                        Section.of(
                                "partners",
                                () -> relations.listRelations(
                                        null, null, 0, partnerId.toString(), null, 100, null, null)))
                .data("engagement", Section.of("partners", () -> engagement.getPartnerEngagement(partnerId)))
                .data("decisions", Section.of("partners", () -> decisions.listPartnerDecisions(partnerId)))
                .data(
                        "contacts",
                        ui.canSeeContacts() ? Section.of("partners", () -> partners.listContacts(partnerId)) : null)
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
        UUID partnerId = Options.id(id);
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    relations.createRelation(
                            f.done(new RelationRequest()
                                    .shareholder(f.choice("shareholder", Shareholder::fromValue))
                                    .partnerId(partnerId)
                                    .kind(f.choice("kind", RelationKind::fromValue))
                                    .status(f.choice("status", RelationStatus::fromValue))
                                    .since(f.date("since"))
                                    .note(f.text("note"))),
                            null);
                    return "/partners/" + partnerId + "#relations";
                },
                detailAgain(partnerId.toString()));
    }

    /** Changes a relation's status (its shareholder, or a coordinator). */
    @POST
    @Path("relations/{id}/status")
    public Response relationStatus(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID relationId = Options.id(id);
        RelationView relation = relations.getRelation(relationId);
        String partnerId = relation.getPartnerId().toString();
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    // PUT replaces the whole relation: all of it as it is, with the new status.
                    relations.updateRelation(
                            relationId,
                            f.done(new RelationRequest()
                                    .shareholder(relation.getShareholder())
                                    .partnerId(relation.getPartnerId())
                                    .kind(relation.getKind())
                                    .since(relation.getSince())
                                    .until(relation.getUntil())
                                    .themes(relation.getThemes())
                                    .note(relation.getNote())
                                    .version(relation.getVersion())
                                    .status(f.choice("status", RelationStatus::fromValue))),
                            "\"" + relation.getVersion() + "\"");
                    return "/partners/" + partnerId + "#relations";
                },
                detailAgain(partnerId));
    }

    /** The partner page again after a refused relation, its violations shown where the page has no field. */
    private java.util.function.Function<ServiceProblem, TemplateInstance> detailAgain(String partnerId) {
        return problem -> detail(partnerId).data("otherViolations", problem.otherViolations(java.util.Set.of("since")));
    }
}
