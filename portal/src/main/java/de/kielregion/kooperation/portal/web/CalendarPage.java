package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.CalendarFeedsApi;
import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.projects.CalendarApi;
import de.kielregion.kooperation.portal.clients.projects.model.CalendarFeed;
import de.kielregion.kooperation.portal.clients.projects.model.FeedRequest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calendar subscriptions: a person creates a feed, copies its address into Outlook or
 * Thunderbird once (the token is shown only then) and revokes it here. The portal passes the
 * calendar on from projects-service at {@code /ics/{token}.ics}, which needs no log-in.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CalendarPage extends PageSupport {

    @Inject
    @RestClient
    CalendarApi projects;

    @Inject
    @RestClient
    CalendarFeedsApi feeds;

    @Inject
    @Location("calendar.html")
    Template page;

    @GET
    @Path("calendar")
    public TemplateInstance list() {
        return view(null, null);
    }

    @POST
    @Path("calendar")
    public Response create(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        try {
            CalendarFeed created = projects.createCalendarFeed(new FeedRequest().name(Forms.text(form, "name")), null);
            String token = String.valueOf(created.getUrl())
                    .replaceFirst("^/calendar/", "")
                    .replaceFirst("\\.ics$", "");
            String address = uri.getBaseUriBuilder()
                    .path("ics")
                    .path(token + ".ics")
                    .build()
                    .toString();
            return Response.ok(view(address, null)).build();
        } catch (ServiceProblem | jakarta.ws.rs.ProcessingException e) {
            ServiceProblem problem = problemOf(e);
            return refused(view(null, problem), problem, Forms.values(form));
        }
    }

    @POST
    @Path("calendar/{id}/revoke")
    public Response revoke(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return submit(
                form,
                () -> {
                    projects.revokeCalendarFeed(Options.id(id));
                    return "/calendar";
                },
                problem -> view(null, problem));
    }

    @GET
    @Path("ics/{token}.ics")
    @PermitAll
    @Produces("text/calendar")
    public Response ics(@PathParam("token") String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw Options.notFound();
        }
        return Response.ok(feeds.ics(token), "text/calendar; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    private TemplateInstance view(String created, ServiceProblem problem) {
        return page(page)
                .data("feeds", Section.of("projects", () -> projects.listCalendarFeeds()))
                .data("created", created)
                .data("problem", problem)
                .data("values", Map.of())
                .data(
                        "otherViolations",
                        problem == null ? List.of() : problem.otherViolations(java.util.Set.of("name")));
    }
}
