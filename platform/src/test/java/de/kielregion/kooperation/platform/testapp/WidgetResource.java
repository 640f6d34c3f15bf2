package de.kielregion.kooperation.platform.testapp;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** HTTP surface of the test application, to exercise the problem+json mapping. */
@Path("/widgets")
public class WidgetResource {

    public record WidgetRequest(@NotBlank @Size(max = 50) String name, @Min(0) @Max(1000) int count) {
    }

    public record WidgetUpdate(@NotNull Long version, @NotBlank @Size(max = 50) String name, @Min(0) int count) {
    }

    private final WidgetService widgets;

    WidgetResource(WidgetService widgets) {
        this.widgets = widgets;
    }

    @POST
    public Response create(@Valid @NotNull WidgetRequest request) {
        Widget widget = widgets.create(request.name(), request.count()).widget();
        return Response.status(201).entity(widget).build();
    }

    @GET
    @Path("{id}")
    public Widget get(@PathParam("id") UUID id) {
        return widgets.find(id);
    }

    @PUT
    @Path("{id}")
    public Widget update(@PathParam("id") UUID id, @Valid @NotNull WidgetUpdate update) {
        return widgets.update(id, update.version(), update.name(), update.count());
    }
}
