package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ProjectsDocuments;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Downloads of attachments, passed on from projects-service with their type, name and checksum. */
@Path("/attachments")
@Authenticated
public class AttachmentsPage extends PageSupport {

    @Inject
    @RestClient
    ProjectsDocuments projects;

    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id) {
        try (Response file = projects.attachment(Options.uuid(id))) {
            return Response.ok(file.readEntity(byte[].class), file.getMediaType())
                    .header("Content-Disposition", file.getHeaderString("Content-Disposition"))
                    .header("Repr-Digest", file.getHeaderString("Repr-Digest"))
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        }
    }
}
