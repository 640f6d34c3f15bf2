package de.kielregion.kooperation.platform.testapp;

import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Responses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP surface of the test application, to exercise the problem+json mapping. */
@Path("/widgets")
@Idempotent
public class WidgetResource {

    /** When set, the next create fails after writing (a transient failure a client would retry). */
    public static final java.util.concurrent.atomic.AtomicBoolean FAIL_NEXT =
            new java.util.concurrent.atomic.AtomicBoolean();

    public record WidgetRequest(
            @NotBlank @Size(max = 50) String name,
            @Min(0) @Max(1000) int count) {}

    public record WidgetUpdate(
            @NotNull Long version,
            @NotBlank @Size(max = 50) String name,
            @Min(0) int count) {}

    private final WidgetService widgets;

    WidgetResource(WidgetService widgets) {
        this.widgets = widgets;
    }

    @POST
    public RestResponse<Widget> create(@Valid @NotNull WidgetRequest request) {
        if (FAIL_NEXT.getAndSet(false)) {
            widgets.createThenFail(request.name());
        }
        Widget widget = widgets.create(request.name(), request.count()).widget();
        return Responses.created("/widgets/" + widget.id, widget);
    }

    @GET
    public Page<Widget> list(@QueryParam("name") String name, @BeanParam PageQuery paging) {
        return widgets.list(name, paging);
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
