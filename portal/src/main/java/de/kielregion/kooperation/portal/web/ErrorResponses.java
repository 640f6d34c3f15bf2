package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Human errors: a service's refusal or absence becomes a page in the user's language with what
 * happened and where to go on, never a stack trace.
 */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    @Inject
    Ui ui;

    @Inject
    @Location("error.html")
    Template error;

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
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return page(404, "notFound", null);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service is unreachable: %s", e.getMessage());
        return page(503, "down", null);
    }

    /** Anything unexpected: logged with an id, shown as a plain message (never a stack trace). */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w
                && w.getResponse().getStatus() < 500) {
            return page(w.getResponse().getStatus(), w.getResponse().getStatus() == 404 ? "notFound" : "refused", null);
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", id);
        return page(500, "unexpected", id);
    }

    private Response page(int status, String kind, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("ui", ui)
                        .data("titleKey", "error." + kind + ".title")
                        .data("textKey", "error." + kind + ".text")
                        .data("status", status)
                        .data("detail", detail))
                .build();
    }
}
