package de.kielregion.kooperation.partners.relation;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.web.Params;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the relation list and export; every one is optional. */
public class RelationFilter {

    @QueryParam("shareholder")
    @Parameter(description = "KIEL, RENDSBURG_ECKERNFOERDE, PLOEN or KIELREGION")
    public String shareholder;

    @QueryParam("partnerId")
    public String partnerId;

    @QueryParam("kind")
    @Parameter(description = "TWIN_CITY, FOCUS_PARTNER, PROJECT_PARTNER, NETWORK_CONTACT or OTHER")
    public String kind;

    @QueryParam("status")
    @Parameter(description = "PROSPECT, ACTIVE, DORMANT or ENDED")
    public String status;

    Shareholder shareholder() {
        return Params.enumOf(Shareholder.class, shareholder, "shareholder");
    }

    UUID partnerId() {
        return Params.uuid(partnerId, "partnerId");
    }

    RelationKind kind() {
        return Params.enumOf(RelationKind.class, kind, "kind");
    }

    RelationStatus status() {
        return Params.enumOf(RelationStatus.class, status, "status");
    }
}
