package de.kielregion.kooperation.portal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The documents of projects-service that the portal passes on without reading them: the strategy
 * document in the format asked for (one operation, chosen by {@code Accept}, which the generated
 * client cannot choose), and an attachment with its headers (type, name, checksum). Everything
 * the portal reads goes through the clients generated from docs/api.
 */
@RegisterRestClient(configKey = "projects")
public interface ProjectsDocuments {

    @GET
    @Path("strategy/document")
    @Produces(MediaType.TEXT_HTML)
    String documentHtml(@QueryParam("year") Integer year);

    @GET
    @Path("strategy/document")
    @Produces("text/markdown")
    String documentMarkdown(@QueryParam("year") Integer year);

    @GET
    @Path("strategy/document")
    @Produces("application/pdf")
    byte[] documentPdf(@QueryParam("year") Integer year);

    @GET
    @Path("attachments/{id}")
    @Produces("*/*")
    Response attachment(@PathParam("id") String id);
}
