package de.kielregion.kooperation.webhooks.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;

import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.web.Idempotency;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.webhooks.subscription.EventTypePatterns;
import de.kielregion.kooperation.webhooks.subscription.Subscription;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.AttemptView;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.EventTypesView;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.ReplayRequest;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.ReplayView;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.SubscriptionRequest;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.SubscriptionView;
import de.kielregion.kooperation.webhooks.subscription.Subscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/webhook-subscriptions")
@Tag(
        name = "Webhooks",
        description = "The services' events pushed to the IT systems as CloudEvents over HTTP, signed per"
                + " Standard Webhooks (docs/webhooks-receiver.md)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final String OWN = " A shareholder's client sees and changes only its own subscriptions"
            + " (another's is 404). Roles: admin, shareholder.";

    private final Subscriptions subscriptions;
    private final Audit audit;

    SubscriptionResource(Subscriptions subscriptions, Audit audit) {
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List webhook subscriptions",
            description = "Newest first, paged; an admin sees all." + OWN)
    public Page<SubscriptionView> list(@Valid @BeanParam PageQuery paging) {
        return subscriptions.list(paging);
    }

    @POST
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe to events",
            description = "The answer carries the signing secret, this once (and again for a retry with the same"
                    + " Idempotency-Key within 24 hours). The target URL must be https and resolve to public"
                    + " addresses only; a shareholder's client may filter only on its own shareholder. Roles: admin,"
                    + " shareholder.")
    @Extension(name = ApiConventions.CREATED, value = "true")
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<SubscriptionView> create(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull SubscriptionRequest request) {
        Subscriptions.Created created = subscriptions.create(request, idempotencyKey);
        SubscriptionView view = created.view();
        RestResponse<SubscriptionView> response =
                Responses.created("/webhook-subscriptions/" + view.id(), view, view.version());
        if (created.replayed()) {
            response.getHeaders().putSingle(Idempotency.REPLAYED, "true");
        }
        return response;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(operationId = "getWebhookSubscription", summary = "Read a webhook subscription", description = OWN)
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<SubscriptionView> get(@PathParam("id") UUID id) {
        SubscriptionView view = subscriptions.get(id);
        return Responses.versioned(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "deleteWebhookSubscription",
            summary = "Delete a webhook subscription",
            description = "With its queue and attempts; its history stays." + OWN)
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Idempotent
    @Operation(
            operationId = "pauseWebhookSubscription",
            summary = "Pause deliveries",
            description = "Events are kept and delivered after resume; pausing a paused one changes nothing." + OWN)
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<SubscriptionView> pause(@PathParam("id") UUID id) {
        SubscriptionView view = subscriptions.pause(id);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Idempotent
    @Operation(
            operationId = "resumeWebhookSubscription",
            summary = "Resume deliveries",
            description = "From PAUSED, DISABLED or UNSUBSCRIBED: what waits is delivered at once, in order per"
                    + " aggregate, and the 24 hours until giving up start anew." + OWN)
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<SubscriptionView> resume(@PathParam("id") UUID id) {
        SubscriptionView view = subscriptions.resume(id);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/secret")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret",
            description = "The answer carries the new secret, this once (and again for a retry with the same"
                    + " Idempotency-Key); the secret before stays valid for 24 hours, in which every delivery"
                    + " carries both signatures." + OWN)
    @Extension(name = ApiConventions.ETAG, value = "true")
    public RestResponse<SubscriptionView> rotate(
            @PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        SubscriptionView view = subscriptions.rotateSecret(id, idempotencyKey);
        return Responses.versioned(view, view.version());
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Idempotent
    @Operation(
            operationId = "replayWebhookSubscription",
            summary = "Deliver again from a point in time",
            description = "Every stored event since 'from' (kept 30 days) that the subscription wants is delivered"
                    + " again, with the webhook-id it had, so a receiver's dedupe drops what it already has."
                    + OWN)
    public ReplayView replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest request) {
        return subscriptions.replay(id, request.from());
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "listWebhookAttempts",
            summary = "A subscription's delivery attempts",
            description = "Newest first: outcome, status code, latency, the answer's first 1 KB." + OWN)
    public Page<AttemptView> attempts(@PathParam("id") UUID id, @Valid @BeanParam PageQuery paging) {
        return subscriptions.attempts(id, paging);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "getWebhookSubscriptionHistory",
            summary = "A subscription's change history",
            description = OWN)
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        subscriptions.get(id);
        return audit.history(Subscription.AGGREGATE, id.toString());
    }

    @GET
    @Path("/event-types")
    @RolesAllowed({ADMIN, SHAREHOLDER})
    @Operation(
            operationId = "listWebhookEventTypes",
            summary = "The event types one may subscribe to",
            description = "Roles: admin, shareholder.")
    public EventTypesView eventTypes() {
        return new EventTypesView(EventTypePatterns.KNOWN);
    }
}
