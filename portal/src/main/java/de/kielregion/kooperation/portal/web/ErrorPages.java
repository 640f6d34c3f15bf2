package de.kielregion.kooperation.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The page Keycloak sends the browser to after logging out. */
@Path("/")
public class ErrorPages {

    @Inject
    Ui ui;

    @Inject
    @Location("logged-out.html")
    Template loggedOut;

    /** Where Keycloak sends the browser after logging out. */
    @GET
    @Path("logged-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loggedOut() {
        return loggedOut.data("ui", ui);
    }
}
