package de.kielregion.kooperation.platform.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** Echoes what it read, to show how strictly the platform reads input. */
@Path("/echo")
@PermitAll
public class EchoResource {

    public record Dated(@NotNull LocalDate day, String note) {}

    @POST
    @Path("dated")
    public Dated dated(@Valid @NotNull Dated dated) {
        return dated;
    }

    @GET
    public String query(@QueryParam("q") String q) {
        return "q=" + q;
    }

    /** An operation as costly as an export (the rate limit counts it three times). */
    @GET
    @Path("costly")
    @de.kielregion.kooperation.platform.web.RequestCost(3)
    public String costly() {
        return "costly";
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    /**
     * Loses its database connection mid-transaction as a PostgreSQL restart would: the server
     * ends this request's backend (SQLSTATE 57P01, "terminating connection due to administrator
     * command").
     */
    @POST
    @Path("database-gone")
    @jakarta.transaction.Transactional
    public String databaseGone() {
        em.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())").getSingleResult();
        return "still here";
    }

    @GET
    @Path("typed/{id}")
    public String typed(
            @PathParam("id") java.util.UUID id,
            @QueryParam("n") Integer n,
            @QueryParam("flag") @jakarta.ws.rs.DefaultValue("false") boolean flag,
            @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page) {
        return id + " " + n + " " + flag + " " + page;
    }

    @GET
    @Path("{word}")
    public String path(@PathParam("word") String word) {
        return "word=" + word;
    }
}
