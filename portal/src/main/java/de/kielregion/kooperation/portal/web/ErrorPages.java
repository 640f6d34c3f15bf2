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

/** The pages anyone may read without logging in: after logging out, and the accessibility statement. */
@Path("/")
public class ErrorPages {

    @Inject
    Ui ui;

    @Inject
    @Location("logged-out.html")
    Template loggedOut;

    @Inject
    @Location("accessibility.html")
    Template accessibility;

    /** Who takes feedback on barriers (BITV 2.0: the statement names a contact). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "portal.accessibility.contact",
            defaultValue = "barrierefreiheit@kielregion.example")
    String contact;

    /** Erklärung zur Barrierefreiheit: how far the portal meets BITV 2.0, what is known not to, and whom to tell. */
    @GET
    @Path("barrierefreiheit")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance accessibility() {
        return accessibility.data("ui", ui).data("contact", contact);
    }

    /** Where Keycloak sends the browser after logging out. */
    @GET
    @Path("logged-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loggedOut() {
        return loggedOut.data("ui", ui);
    }
}
