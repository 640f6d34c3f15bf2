package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.partners.CooperationAreasApi;
import de.kielregion.kooperation.portal.clients.partners.PartnersApi;
import de.kielregion.kooperation.portal.clients.partners.model.AnalysisRequest;
import de.kielregion.kooperation.portal.clients.partners.model.AnalysisView;
import de.kielregion.kooperation.portal.clients.partners.model.AreaCriterion;
import de.kielregion.kooperation.portal.clients.partners.model.AreaRequest;
import de.kielregion.kooperation.portal.clients.partners.model.AreaScore;
import de.kielregion.kooperation.portal.clients.partners.model.AreaView;
import de.kielregion.kooperation.portal.clients.partners.model.Member;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Kooperationsräume: an area with its member partners and its potential analysis (read by every
 * role, narrowed to a shareholder's interests); coordinators create and edit areas and score the
 * analysis (criteria with weights, a score of 0 to 5 per member and criterion).
 */
@Path("/areas")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AreasPage extends PageSupport {

    /** Empty criterion rows the scoring form offers for new criteria. */
    static final int NEW_CRITERIA = 2;

    @Inject
    @RestClient
    CooperationAreasApi areas;

    @Inject
    @RestClient
    PartnersApi partners;

    @Inject
    @Location("partners/area.html")
    Template area;

    @Inject
    @Location("partners/analysis-form.html")
    Template analysisForm;

    @GET
    @Path("{id}")
    public TemplateInstance area(@PathParam("id") String id, @QueryParam("interestsOf") String interestsOf) {
        UUID areaId = Options.id(id);
        String of = oneOf(Options.SHAREHOLDERS, interestsOf) ? interestsOf : null;
        AtomicBoolean noInterests = new AtomicBoolean();
        TemplateInstance page = page(area)
                .data("area", areas.getCooperationArea(areaId))
                .data("analysis", Section.of("partners", () -> {
                    try {
                        return areas.getPotentialAnalysis(areaId, of);
                    } catch (ServiceProblem p) {
                        if (p.status() == 404 || p.status() == 409) {
                            noInterests.set(p.status() == 409);
                            return emptyAnalysis();
                        }
                        throw p;
                    }
                }));
        return page.data("interestsOf", of == null ? "" : of)
                .data("noInterests", noInterests.get())
                .data("shareholders", Options.SHAREHOLDERS);
    }

    // An area is created and edited

    @GET
    @Path("new")
    public TemplateInstance newArea() {
        allowed(ui.canEdit());
        return form(areaForm(null), Map.of());
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        return post(form, areaForm(null), () -> {
            AreaView created = areas.createCooperationArea(areaRequest(form, false), null);
            return "/areas/" + created.getId();
        });
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        allowed(ui.canEdit());
        AreaView a = areas.getCooperationArea(Options.id(id));
        Map<String, Object> values = Forms.prefill("name", a.getName(), "description", a.getDescription());
        values.put(
                "memberIds",
                a.getMembers().stream().map(m -> m.getId().toString()).toList());
        return form(areaForm(a), values);
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AreaView a = areas.getCooperationArea(Options.id(id));
        return post(form, areaForm(a), () -> {
            AreaRequest request = areaRequest(form, true);
            areas.updateCooperationArea(a.getId(), request, Forms.ifMatch(request.getVersion()));
            return "/areas/" + a.getId();
        });
    }

    private AreaRequest areaRequest(MultivaluedMap<String, String> form, boolean edit) {
        Forms.Reader f = Forms.read(form, ui::t);
        return f.done(new AreaRequest()
                .name(f.text("name"))
                .description(f.text("description"))
                .memberIds(f.uuids("memberIds"))
                .version(edit ? f.version() : null));
    }

    private FormPage areaForm(AreaView a) {
        // Every active partner may be a member; members that retired since stay listed.
        List<FormPage.Option> choices = new ArrayList<>();
        if (a != null) {
            a.getMembers().stream()
                    .filter(m -> "RETIRED".equals(String.valueOf(m.getStatus())))
                    .forEach(m -> choices.add(new FormPage.Option(
                            m.getId().toString(), m.getName() + " (" + ui.t("partners.retired") + ")")));
        }
        partners.searchPartners(null, null, 0, null, null, 500, "name", "ACTIVE", null, null, null)
                .getItems()
                .forEach(p -> choices.add(new FormPage.Option(
                        p.getId().toString(), p.getName() + " (" + ui.country(p.getCountry()) + ")")));
        return FormPage.of(
                        ui.t(a == null ? "areas.new" : "areas.edit"),
                        a == null ? "/areas" : "/areas/" + a.getId(),
                        "partners")
                .back(a == null ? "/partners" : "/areas/" + a.getId(), a == null ? ui.t("partners.title") : a.getName())
                .version(a == null ? null : a.getVersion())
                .text("name", ui.t("areas.name"), true, 200)
                .area("description", ui.t("plan.description"), 4000)
                .multi("memberIds", ui.t("areas.members"), choices)
                .hint(ui.t("areas.members.hint"))
                .submit(ui.t("form.save"), "area-save");
    }

    // The potential analysis is scored

    @GET
    @Path("{id}/analysis")
    public TemplateInstance scoring(@PathParam("id") String id) {
        allowed(ui.canEdit());
        AreaView a = areas.getCooperationArea(Options.id(id));
        AnalysisView analysis = analysisOf(a);
        List<Row> rows = new ArrayList<>();
        for (AreaCriterion c : analysis.getCriteria()) {
            rows.add(new Row(c.getKey(), c.getName(), ui.number(c.getWeight()), Boolean.TRUE.equals(c.getComputed())));
        }
        Map<String, String> typed = new java.util.HashMap<>();
        analysis.getScores()
                .forEach(sc -> typed.put(cell(sc.getPartnerId(), sc.getCriterion()), ui.number(sc.getScore())));
        return scoringPage(a, rows, typed, analysis.getVersion()).data("problem", null);
    }

    @POST
    @Path("{id}/analysis")
    public Response score(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AreaView a = areas.getCooperationArea(Options.id(id));
        return submit(
                form,
                () -> {
                    AnalysisRequest request = analysisRequest(form, a.getMembers());
                    areas.setPotentialAnalysis(a.getId(), request, Forms.ifMatch(request.getVersion()));
                    return "/areas/" + a.getId() + "#analysis";
                },
                problem -> {
                    // The form again as it was typed: its rows, its scores, its version.
                    List<String> keys = form.getOrDefault("criterionKey", List.of());
                    List<String> names = form.getOrDefault("criterionName", List.of());
                    List<String> weights = form.getOrDefault("criterionWeight", List.of());
                    List<String> computed = form.getOrDefault("criterionComputed", List.of());
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        String key = i < keys.size() ? keys.get(i) : "";
                        if (!key.isEmpty() || !names.get(i).isBlank()) {
                            rows.add(new Row(
                                    key,
                                    names.get(i),
                                    i < weights.size() ? weights.get(i) : "",
                                    computed.contains(key)));
                        }
                    }
                    Map<String, String> typed = new java.util.HashMap<>();
                    form.forEach((k, v) -> {
                        if (k.startsWith("score.") && !v.isEmpty()) {
                            typed.put(k.substring("score.".length()), v.get(0));
                        }
                    });
                    Object version = Forms.integer(form, "version");
                    return scoringPage(a, rows, typed, version instanceof Long l ? l : null)
                            .data("otherViolations", problem.otherViolations(List.of()));
                });
    }

    private TemplateInstance scoringPage(AreaView a, List<Row> criteria, Map<String, String> typed, Long version) {
        List<Row> rows = new ArrayList<>(criteria);
        for (int i = 0; i < NEW_CRITERIA; i++) {
            rows.add(new Row("", "", "", false));
        }
        List<MemberScores> grid = a.getMembers().stream()
                .map(m -> new MemberScores(
                        m.getName(),
                        criteria.stream()
                                .filter(c -> !c.computed() && !c.key().isEmpty())
                                .map(c -> new Cell(
                                        "score." + cell(m.getId(), c.key()),
                                        typed.getOrDefault(cell(m.getId(), c.key()), ""),
                                        m.getName() + ": " + c.name()))
                                .toList()))
                .toList();
        return page(analysisForm)
                .data("area", a)
                .data("criteria", rows)
                .data(
                        "scored",
                        criteria.stream()
                                .filter(c -> !c.computed() && !c.key().isEmpty())
                                .toList())
                .data("grid", grid)
                .data("version", version);
    }

    private static String cell(Object partnerId, String key) {
        return partnerId + "." + key;
    }

    /** A criterion row of the scoring form: an existing criterion or an empty one for a new criterion. */
    @io.quarkus.qute.TemplateData
    public record Row(String key, String name, String weight, boolean computed) {}

    /** A member partner's row of scores. */
    @io.quarkus.qute.TemplateData
    public record MemberScores(String partner, List<Cell> cells) {}

    /** A score field: its form name, the value typed or stored, and its label for screen readers. */
    @io.quarkus.qute.TemplateData
    public record Cell(String name, String value, String label) {}

    /**
     * The form as the service takes it: criterion rows {@code criterionKey}, {@code criterionName},
     * {@code criterionWeight} (and {@code criterionComputed}) in the same order, a new criterion's key
     * made from its name; a score {@code score.<partner>.<key>} per member and hand-scored criterion.
     */
    AnalysisRequest analysisRequest(MultivaluedMap<String, String> form, List<Member> members) {
        Forms.Reader f = Forms.read(form, ui::t);
        List<String> keys = form.getOrDefault("criterionKey", List.of());
        List<String> names = form.getOrDefault("criterionName", List.of());
        List<String> weights = form.getOrDefault("criterionWeight", List.of());
        List<String> computed = form.getOrDefault("criterionComputed", List.of());
        List<AreaCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            String weight = i < weights.size() ? weights.get(i).trim() : "";
            if (name.isEmpty() && weight.isEmpty()) {
                continue; // an empty row: no new criterion
            }
            String key = i < keys.size() && !keys.get(i).isBlank() ? keys.get(i) : keyOf(name, criteria);
            criteria.add(new AreaCriterion()
                    .key(key)
                    .name(name)
                    .weight(f.decimalValue(weight, "criteria[" + criteria.size() + "].weight"))
                    .computed(computed.contains(key)));
        }
        List<AreaScore> scores = new ArrayList<>();
        for (Member m : members) {
            for (AreaCriterion c : criteria) {
                String field = "score." + m.getId() + "." + c.getKey();
                String typed = Forms.text(form, field);
                if (typed != null && !Boolean.TRUE.equals(c.getComputed())) {
                    scores.add(new AreaScore()
                            .partnerId(m.getId())
                            .criterion(c.getKey())
                            .score(f.decimalValue(typed, m.getName() + " – " + c.getName())));
                }
            }
        }
        return f.done(new AnalysisRequest().criteria(criteria).scores(scores).version(f.version()));
    }

    /** A key for a new criterion from its name: letters and digits, unique among the criteria. */
    static String keyOf(String name, List<AreaCriterion> criteria) {
        String base = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .replaceAll("[^A-Za-z0-9]+", " ")
                .trim();
        StringBuilder key = new StringBuilder();
        for (String word : base.split(" ")) {
            if (!word.isEmpty()) {
                key.append(
                        key.isEmpty()
                                ? word.toLowerCase()
                                : Character.toUpperCase(word.charAt(0))
                                        + word.substring(1).toLowerCase());
            }
        }
        String k = key.isEmpty() || !Character.isLetter(key.charAt(0)) ? "k" + key : key.toString();
        k = k.length() > 40 ? k.substring(0, 40) : k;
        String unique = k;
        for (int n = 2; taken(criteria, unique); n++) {
            unique = k + n;
        }
        return unique;
    }

    private static boolean taken(List<AreaCriterion> criteria, String key) {
        return criteria.stream().anyMatch(c -> c.getKey().equals(key));
    }

    private AnalysisView analysisOf(AreaView a) {
        try {
            return areas.getPotentialAnalysis(a.getId(), null);
        } catch (ServiceProblem p) {
            if (p.status() == 404) {
                return emptyAnalysis();
            }
            throw p;
        }
    }

    private static AnalysisView emptyAnalysis() {
        return new AnalysisView()
                .ranking(new ArrayList<>())
                .criteria(new ArrayList<>())
                .scores(new ArrayList<>());
    }
}
