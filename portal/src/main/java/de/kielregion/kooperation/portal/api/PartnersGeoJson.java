package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The partners as GeoJSON, passed on to the map untouched: the one document the portal does not
 * read, so it takes it as text rather than as the generated client's free-form object.
 */
@RegisterRestClient(configKey = "partners")
@Path("/partners/export/geojson")
public interface PartnersGeoJson {

    @GET
    @Produces({"application/geo+json", "application/json"})
    String geoJson(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("country") String country);
}
