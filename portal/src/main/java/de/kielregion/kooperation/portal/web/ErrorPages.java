package de.kielregion.kooperation.portal.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Human errors: a service's refusal or absence becomes a page in the user's language with what
 * happened and where to go on, never a stack trace.
 */
@Path("/")
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Ui ui;

    @Inject
    @Location("error.html")
    Template error;

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

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem) {
        int status = switch (problem.status()) {
            case 401, 403, 404, 409, 412 -> problem.status();
            default -> problem.status() >= 500 ? 502 : 400;
        };
        String kind = switch (status) {
            case 401, 403 -> "forbidden";
            case 404 -> "notFound";
            case 502 -> "down";
            default -> "refused";
        };
        return page(status, kind, problem.detail());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service is unreachable: %s", e.getMessage());
        return page(503, "down", null);
    }

    private Response page(int status, String kind, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("ui", ui).data("titleKey", "error." + kind + ".title").data("textKey", "error." + kind + ".text").data("status", status).data("detail", detail))
                .build();
    }
}
