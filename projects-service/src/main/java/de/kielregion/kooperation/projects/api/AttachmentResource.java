package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.Download;
import de.kielregion.kooperation.platform.web.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/attachments")
@Tag(
        name = "Attachments",
        description = "Minutes, applications and signed agreements attached to projects and decisions")
@Idempotent
public class AttachmentResource {

    private final Attachments attachments;

    AttachmentResource(Attachments attachments) {
        this.attachments = attachments;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "downloadAttachment",
            summary = "Download an attachment",
            description = "With its detected content type, its name and its SHA-256 (Repr-Digest). Roles: every"
                    + " role (every role reads projects and decisions).")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id) {
        Download file = attachments.download(id);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Attachments.sha256Of(file.data())));
        return Response.ok(file.data(), file.contentType())
                .header("Content-Disposition", Attachments.contentDisposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .build();
    }
}
