package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The calendar feeds of projects-service without a user token: a calendar client subscribes to the
 * portal's address, and the secret token in it is the permission.
 */
@RegisterRestClient(configKey = "projects-calendar")
@RegisterProvider(ProblemResponses.class)
@Path("/calendar")
public interface CalendarFeedsApi {

    @GET
    @Path("{token}.ics")
    @Produces("text/calendar")
    String ics(@PathParam("token") String token);
}
