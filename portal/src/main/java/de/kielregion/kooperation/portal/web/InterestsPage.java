package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.PartnersApi;
import de.kielregion.kooperation.portal.api.ProjectsApi;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The shareholders' interests (the workshop's open question): the themes and geographies each
 * cares about. Everyone reads them; a shareholder's staff edit their own, coordinators all
 * (partners-service decides, the portal offers only what it allows). The project list and the
 * potential analysis can be narrowed to them.
 */
@Path("/interests")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InterestsPage extends PageSupport {

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @Location("interests.html")
    Template page;

    @GET
    public TemplateInstance list() {
        return view(null, null, Map.of());
    }

    @POST
    @Path("{shareholder}")
    public Response save(@PathParam("shareholder") String shareholder, MultivaluedMap<String, String> form) {
        if (!oneOf(Options.SHAREHOLDERS, shareholder)) {
            throw new ServiceProblem(404, "Not Found", null, Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("themes", list(form, "themes"));
        body.put("countries", list(form, "countries"));
        body.put("regionIds", list(form, "regionIds"));
        Object version = Forms.integer(form, "version");
        return submit(
                form,
                () -> {
                    partners.setInterests(shareholder, version == null ? null : "\"" + version + "\"", body);
                    return "/interests#i-" + shareholder;
                },
                problem -> view(shareholder, problem, body));
    }

    private TemplateInstance view(String failed, ServiceProblem problem, Map<String, Object> values) {
        List<Map<String, Object>> interests = new java.util.ArrayList<>();
        for (String s : Options.SHAREHOLDERS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("shareholder", s);
            entry.put("section", Section.of("partners", () -> {
                Map<String, Object> recorded = new LinkedHashMap<>();
                try {
                    recorded.putAll(partners.interests(s));
                    recorded.put("recorded", true);
                } catch (ServiceProblem p) {
                    if (p.status() != 404) {
                        throw p;
                    }
                    recorded.putAll(Map.of( // none recorded yet
                            "recorded", false, "themes", List.of(), "countries", List.of(), "regions", List.of()));
                    recorded.put("version", null);
                }
                return recorded;
            }));
            interests.add(entry);
        }
        return page(page)
                .data("shareholders", Options.SHAREHOLDERS)
                .data("interests", interests)
                .data("themes", Section.of("projects", projects::themes))
                .data("regions", Section.of("partners", this::regions))
                .data("countries", Options.COUNTRIES)
                .data("failed", failed == null ? "" : failed)
                .data("problem", problem)
                .data("values", values)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(Set.of()));
    }

    /** The regions and districts one may pick, with the cities in them not listed (they count with their region). */
    private List<Map<String, Object>> regions() {
        List<Map<String, Object>> regions = new java.util.ArrayList<>();
        for (String type : List.of("REGION", "DISTRICT")) {
            Object items = partners.partners(null, type, null, "ACTIVE", 0, 100, "name")
                    .get("items");
            if (items instanceof List<?> l) {
                l.forEach(i -> regions.add(castMap(i)));
            }
        }
        return regions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> list(MultivaluedMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
