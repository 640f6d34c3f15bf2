package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.Consumes;
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

/** partners-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "partners")
@RegisterProvider(ProblemResponses.class)
@RegisterProvider(UserToken.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PartnersApi {

    @GET
    @Path("partners")
    Map<String, Object> partners(
            @QueryParam("q") String q,
            @QueryParam("type") String type,
            @QueryParam("country") String country,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);

    @GET
    @Path("partners/export/xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    byte[] partnersXlsx(
            @QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country);

    @GET
    @Path("partners/export/geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    String geoJson(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country);

    @GET
    @Path("partners/{id}")
    Map<String, Object> partner(@PathParam("id") String id);

    @GET
    @Path("partners/{id}/contacts")
    List<Map<String, Object>> contacts(@PathParam("id") String id);

    @GET
    @Path("partners/{id}/engagement")
    List<Map<String, Object>> engagement(@PathParam("id") String id);

    @GET
    @Path("partners/{id}/decisions")
    List<Map<String, Object>> decisions(@PathParam("id") String id);

    @GET
    @Path("relations")
    Map<String, Object> relations(
            @QueryParam("shareholder") String shareholder,
            @QueryParam("partnerId") String partnerId,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("relations")
    Map<String, Object> createRelation(Map<String, Object> request);

    @GET
    @Path("relations/{id}")
    Map<String, Object> relation(@PathParam("id") String id);

    @PUT
    @Path("relations/{id}")
    Map<String, Object> updateRelation(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> request);

    @GET
    @Path("cooperation-areas")
    Map<String, Object> areas(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("cooperation-areas/{id}")
    Map<String, Object> area(@PathParam("id") String id);

    @GET
    @Path("cooperation-areas/{id}/potential-analysis")
    Map<String, Object> analysis(@PathParam("id") String id, @QueryParam("interestsOf") String interestsOf);

    @GET
    @Path("shareholders/{shareholder}/interests")
    Map<String, Object> interests(@PathParam("shareholder") String shareholder);

    @PUT
    @Path("shareholders/{shareholder}/interests")
    Map<String, Object> setInterests(
            @PathParam("shareholder") String shareholder,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> request);

    @GET
    @Path("shareholders/{shareholder}/activities")
    Map<String, Object> activities(
            @PathParam("shareholder") String shareholder,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);

    @GET
    @Path("shareholders/{shareholder}/activities/{externalId}")
    Map<String, Object> activity(
            @PathParam("shareholder") String shareholder, @PathParam("externalId") String externalId);

    @PUT
    @Path("shareholders/{shareholder}/activities/{externalId}")
    Map<String, Object> upsertActivity(
            @PathParam("shareholder") String shareholder,
            @PathParam("externalId") String externalId,
            Map<String, Object> request);
}
