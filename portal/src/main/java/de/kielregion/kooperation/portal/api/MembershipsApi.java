package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** memberships-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "memberships")
@RegisterProvider(ProblemResponses.class)
@RegisterProvider(UserToken.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MembershipsApi {

    @GET
    @Path("memberships")
    Map<String, Object> memberships(
            @QueryParam("holder") String holder,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);

    @GET
    @Path("memberships/export/xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    byte[] membershipsXlsx(@QueryParam("status") String status);

    @GET
    @Path("memberships/deadlines")
    List<Map<String, Object>> deadlines(@QueryParam("within") String within);

    @GET
    @Path("memberships/{id}")
    Map<String, Object> membership(@PathParam("id") String id);

    @GET
    @Path("memberships/{id}/fees")
    List<Map<String, Object>> fees(@PathParam("id") String id);

    @GET
    @Path("memberships/{id}/decisions")
    List<Map<String, Object>> decisions(@PathParam("id") String id);

    @GET
    @Path("memberships/{id}/history")
    List<Map<String, Object>> history(@PathParam("id") String id);

    @POST
    @Path("memberships/{id}/status")
    Map<String, Object> changeStatus(@PathParam("id") String id, Map<String, Object> change);

    @POST
    @Path("memberships/{id}/decisions")
    Map<String, Object> decide(@PathParam("id") String id, Map<String, Object> decision);

    @POST
    @Path("memberships/{id}/funding-request")
    Map<String, Object> requestFunding(@PathParam("id") String id);
}
