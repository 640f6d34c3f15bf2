package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.live.LiveUpdates;
import de.kielregion.kooperation.portal.live.LiveUpdates.Change;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events: what changed in the services, for the open pages to refresh their parts. */
@Path("/live")
@Authenticated
public class LivePage {

    @Inject
    LiveUpdates updates;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Change> live(@jakarta.ws.rs.QueryParam("since") String since) {
        long now = System.currentTimeMillis();
        long from = since != null && since.matches("[0-9]{1,15}") ? Long.parseLong(since) : now;
        return updates.stream(Math.max(from, now - LiveUpdates.REPLAY_MILLIS));
    }
}
