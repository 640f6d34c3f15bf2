package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** projects-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "projects")
@RegisterProvider(ProblemResponses.class)
@RegisterProvider(UserToken.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProjectsApi {

    @GET
    @Path("strategy/overview")
    Map<String, Object> overview(@QueryParam("year") Integer year);

    @GET
    @Path("strategy/document")
    @Produces(MediaType.TEXT_HTML)
    String documentHtml(@QueryParam("year") Integer year);

    @GET
    @Path("strategy/document")
    @Produces("text/markdown")
    String documentMarkdown(@QueryParam("year") Integer year);

    @GET
    @Path("projects/{id}/attachments")
    List<Map<String, Object>> projectAttachments(@PathParam("id") String id);

    @POST
    @Path("projects/{id}/attachments")
    @Consumes("application/octet-stream")
    Map<String, Object> attachToProject(
            @PathParam("id") String id, @QueryParam("filename") String filename, byte[] content);

    @GET
    @Path("decisions/{id}")
    Map<String, Object> decision(@PathParam("id") String id);

    @GET
    @Path("decisions/{id}/attachments")
    List<Map<String, Object>> decisionAttachments(@PathParam("id") String id);

    @POST
    @Path("decisions/{id}/attachments")
    @Consumes("application/octet-stream")
    Map<String, Object> attachToDecision(
            @PathParam("id") String id, @QueryParam("filename") String filename, byte[] content);

    @GET
    @Path("attachments/{id}")
    @Produces("*/*")
    jakarta.ws.rs.core.Response attachment(@PathParam("id") String id);

    @GET
    @Path("calendar/feeds")
    List<Map<String, Object>> calendarFeeds();

    @POST
    @Path("calendar/feeds")
    Map<String, Object> createCalendarFeed(Map<String, Object> request);

    @DELETE
    @Path("calendar/feeds/{id}")
    void revokeCalendarFeed(@PathParam("id") String id);

    @GET
    @Path("strategy/document")
    @Produces("application/pdf")
    byte[] documentPdf(@QueryParam("year") Integer year);

    @GET
    @Path("projects/export/xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    byte[] projectsXlsx(
            @QueryParam("status") String status,
            @QueryParam("measureId") String measureId,
            @QueryParam("shareholder") String shareholder,
            @QueryParam("q") String q,
            @QueryParam("country") String country,
            @QueryParam("interestsOf") String interestsOf,
            @QueryParam("sort") String sort);

    @GET
    @Path("decisions/export/xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    byte[] decisionsXlsx(@QueryParam("subjectType") String subjectType, @QueryParam("body") String body);

    @GET
    @Path("budget/{year}/export/xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    byte[] budgetXlsx(@PathParam("year") int year);

    @GET
    @Path("themes")
    List<Map<String, Object>> themes();

    @GET
    @Path("measures")
    List<Map<String, Object>> measures();

    @GET
    @Path("projects")
    Map<String, Object> projects(
            @QueryParam("status") String status,
            @QueryParam("themeId") String themeId,
            @QueryParam("measureId") String measureId,
            @QueryParam("shareholder") String shareholder,
            @QueryParam("q") String q,
            @QueryParam("country") String country,
            @QueryParam("interestsOf") String interestsOf,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);

    @GET
    @Path("projects/{id}")
    Map<String, Object> project(@PathParam("id") String id);

    @POST
    @Path("projects")
    Map<String, Object> propose(Map<String, Object> request);

    @PUT
    @Path("projects/{id}")
    Map<String, Object> update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> request);

    @POST
    @Path("projects/{id}/status")
    Map<String, Object> changeStatus(@PathParam("id") String id, Map<String, Object> change);

    @POST
    @Path("projects/{id}/decisions")
    Map<String, Object> decide(@PathParam("id") String id, Map<String, Object> decision);

    @GET
    @Path("projects/{id}/allocations")
    List<Map<String, Object>> allocations(@PathParam("id") String id);

    @POST
    @Path("projects/{id}/allocations")
    Map<String, Object> allocate(@PathParam("id") String id, Map<String, Object> request);

    @GET
    @Path("projects/{id}/history")
    List<Map<String, Object>> history(@PathParam("id") String id);

    @GET
    @Path("budget/{year}")
    Map<String, Object> budget(@PathParam("year") int year);

    @GET
    @Path("decisions")
    Map<String, Object> decisions(
            @QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") String subjectId,
            @QueryParam("body") String body,
            @QueryParam("service") String service,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);
}
