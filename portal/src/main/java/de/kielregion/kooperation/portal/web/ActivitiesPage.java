package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.partners.ShareholderActivitiesApi;
import de.kielregion.kooperation.portal.clients.partners.model.ActivityKind;
import de.kielregion.kooperation.portal.clients.partners.model.ActivityRequest;
import de.kielregion.kooperation.portal.clients.partners.model.ActivityView;
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
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The shareholders' existing activities: everyone reads them; a shareholder's staff edit
 * their own (partners-service refuses the others, and the portal does not offer them).
 */
@Path("/activities")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ActivitiesPage extends PageSupport {

    static final List<String> KINDS = Options.of(ActivityKind.class);
    /** The shareholders that report activities (KielRegion itself does not). */
    static final List<String> SHAREHOLDERS =
            Options.SHAREHOLDERS.stream().filter(s -> !"KIELREGION".equals(s)).toList();

    static final Set<String> FORM_FIELDS =
            Set.of("externalId", "title", "kind", "yearFrom", "yearTo", "themes", "link");

    @Inject
    @RestClient
    ShareholderActivitiesApi activities;

    @Inject
    @Location("activities/list.html")
    Template list;

    @Inject
    @Location("activities/form.html")
    Template form;

    @GET
    public TemplateInstance list(@QueryParam("shareholder") String shareholder, @QueryParam("page") String page) {
        String own = ui.shareholder();
        String s = oneOf(SHAREHOLDERS, shareholder) ? shareholder : oneOf(SHAREHOLDERS, own) ? own : "KIEL";
        return page(list)
                .data("shareholder", s)
                .data("shareholders", SHAREHOLDERS)
                .data("result", activities.listActivities(s, null, null, pageNumber(page), 20, "-updatedAt", null))
                .data("query", "shareholder=" + s);
    }

    @GET
    @Path("{shareholder}/new")
    public TemplateInstance create(@PathParam("shareholder") String shareholder) {
        return formPage(shareholder(shareholder), null, null, Map.of());
    }

    @GET
    @Path("{shareholder}/{externalId}/edit")
    public TemplateInstance edit(
            @PathParam("shareholder") String shareholder, @PathParam("externalId") String externalId) {
        ActivityView activity = activities.getActivity(externalId(externalId), shareholder(shareholder));
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (String f : List.of("externalId", "title", "kind", "yearFrom", "yearTo", "link")) {
            Object value = Ui.property(activity, f);
            values.put(f, value == null ? "" : String.valueOf(value));
        }
        values.put("themes", activity.getThemes() == null ? "" : String.join(", ", activity.getThemes()));
        return formPage(shareholder, activity, null, values);
    }

    @POST
    @Path("{shareholder}")
    public Response save(@PathParam("shareholder") String shareholder, MultivaluedMap<String, String> form) {
        String s = shareholder(shareholder);
        String externalId = Forms.text(form, "externalId");
        List<String> themes = Forms.text(form, "themes") == null
                ? List.of()
                : java.util.Arrays.stream(Forms.text(form, "themes").split(","))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .toList();
        java.util.concurrent.atomic.AtomicReference<ActivityView> existing =
                new java.util.concurrent.atomic.AtomicReference<>();
        return submit(
                form,
                () -> {
                    if (externalId == null) {
                        throw new ServiceProblem(
                                400,
                                "Bad Request",
                                ui.t("form.checkFields"),
                                Map.of("externalId", ui.t("form.required")));
                    }
                    Forms.Reader f = Forms.read(form, ui::t);
                    ActivityRequest request = new ActivityRequest()
                            .externalId(externalId)
                            .title(f.text("title"))
                            .kind(f.choice("kind", ActivityKind::fromValue))
                            .yearFrom(f.integer("yearFrom"))
                            .yearTo(f.integer("yearTo"))
                            .themes(new java.util.ArrayList<>(themes))
                            .link(f.text("link"));
                    if ("edit".equals(Forms.text(form, "mode"))) {
                        // PUT replaces the activity: keep the partners the form does not show.
                        existing.set(activities.getActivity(externalId(externalId), s));
                        request.partnerIds(existing.get().getPartnerIds());
                    }
                    activities.putActivity(externalId, s, f.done(request));
                    return "/activities?shareholder=" + s;
                },
                problem -> formPage(s, existing.get(), problem, Forms.values(form)));
    }

    private TemplateInstance formPage(
            String shareholder, ActivityView activity, ServiceProblem problem, Map<String, Object> values) {
        return page(form)
                .data("shareholder", shareholder)
                .data("activity", activity)
                .data("problem", problem)
                .data("values", values)
                .data("kinds", KINDS)
                .data("otherViolations", problem == null ? List.of() : problem.otherViolations(FORM_FIELDS));
    }

    private static String shareholder(String value) {
        if (!oneOf(SHAREHOLDERS, value)) {
            throw Options.notFound();
        }
        return value;
    }

    private static String externalId(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._:~-]{1,200}")) {
            throw Options.notFound();
        }
        return value;
    }
}
