package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.partners.ShareholderInterestsApi;
import de.kielregion.kooperation.portal.clients.partners.model.InterestRequest;
import de.kielregion.kooperation.portal.clients.partners.model.PartnerView;
import de.kielregion.kooperation.portal.clients.partners.model.RegionRef;
import de.kielregion.kooperation.portal.clients.partners.model.ShareholderInterests;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
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
    ShareholderInterestsApi interests;

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @RestClient
    StrategyApi strategy;

    /** A shareholder's interests as the page shows them; {@code recorded} false while it has none. */
    @io.quarkus.qute.TemplateData
    public record Interests(
            boolean recorded, List<String> themes, List<String> countries, List<RegionRef> regions, Long version) {

        static final Interests NONE = new Interests(false, List.of(), List.of(), List.of(), null);

        static Interests of(ShareholderInterests i) {
            return new Interests(true, i.getThemes(), i.getCountries(), i.getRegions(), i.getVersion());
        }
    }

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
            throw Options.notFound();
        }
        Map<String, Object> values = Forms.values(form);
        return submit(
                form,
                () -> {
                    Forms.Reader f = Forms.read(form, ui::t);
                    Long version = f.version();
                    interests.setShareholderInterests(
                            shareholder,
                            f.done(new InterestRequest()
                                    .themes(list(form, "themes"))
                                    .countries(list(form, "countries"))
                                    .regionIds(f.uuids("regionIds"))
                                    .version(version)),
                            version == null ? null : "\"" + version + "\"");
                    return "/interests#i-" + shareholder;
                },
                problem -> view(shareholder, problem, values));
    }

    private TemplateInstance view(String failed, ServiceProblem problem, Map<String, Object> values) {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (String s : Options.SHAREHOLDERS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("shareholder", s);
            entry.put("section", Section.of("partners", () -> {
                try {
                    return Interests.of(interests.getShareholderInterests(s));
                } catch (ServiceProblem p) {
                    if (p.status() != 404) {
                        throw p;
                    }
                    return Interests.NONE; // none recorded yet
                }
            }));
            entries.add(entry);
        }
        return page(page)
                .data("shareholders", Options.SHAREHOLDERS)
                .data("interests", entries)
                .data("themes", Section.of("projects", strategy::listThemes))
                .data("regions", Section.of("partners", this::regions))
                .data("countries", Options.COUNTRIES)
                .data("failed", failed == null ? "" : failed)
                .data("problem", problem)
                .data("values", values)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(Set.of()));
    }

    /** The regions and districts one may pick, with the cities in them not listed (they count with their region). */
    private List<PartnerView> regions() {
        List<PartnerView> regions = new java.util.ArrayList<>();
        for (String type : List.of("REGION", "DISTRICT")) {
            regions.addAll(partners.searchPartners(null, null, 0, null, null, 100, "name", "ACTIVE", null, type, null)
                    .getItems());
        }
        return regions;
    }

    private static List<String> list(MultivaluedMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
