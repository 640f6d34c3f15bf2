package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.webhooks.WebhooksApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The webhook subscriptions of the IT systems, for admins: where each goes, how it stands, what
 * waits, and its recent delivery attempts; pause and resume.
 */
@Path("/webhooks")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage extends PageSupport {

    @Inject
    @RestClient
    WebhooksApi webhooks;

    @Inject
    @Location("webhooks/list.html")
    Template list;

    @Inject
    @Location("webhooks/detail.html")
    Template detail;

    @GET
    public TemplateInstance show(@QueryParam("page") Integer page) {
        allowed(ui.has("admin"));
        int p = page == null || page < 0 ? 0 : page;
        return page(list)
                .data(
                        "subscriptions",
                        Section.of("webhooks", () -> webhooks.listWebhookSubscriptions(null, p, 50, null)));
    }

    @GET
    @Path("{id}")
    public TemplateInstance subscription(@PathParam("id") String id) {
        allowed(ui.has("admin"));
        UUID subscription = Options.id(id);
        return page(detail)
                .data("s", Section.of("webhooks", () -> webhooks.getWebhookSubscription(subscription)))
                .data(
                        "attempts",
                        Section.of("webhooks", () -> webhooks.listWebhookAttempts(subscription, null, 0, 50, null)));
    }

    @POST
    @Path("{id}/pause")
    public Response pause(@PathParam("id") String id) {
        allowed(ui.has("admin"));
        UUID subscription = Options.id(id);
        return act(() -> {
            webhooks.pauseWebhookSubscription(subscription, null);
            return "/webhooks/" + subscription;
        });
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") String id) {
        allowed(ui.has("admin"));
        UUID subscription = Options.id(id);
        return act(() -> {
            webhooks.resumeWebhookSubscription(subscription, null);
            return "/webhooks/" + subscription;
        });
    }
}
