package de.kielregion.kooperation.partners.partner;

import de.kielregion.kooperation.platform.validation.IsoCountry;
import de.kielregion.kooperation.platform.web.Params;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the partner list and exports; every one is optional. */
public class PartnerFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Part of the name or local name, ignoring case and accents ('Goteborg' finds 'Göteborg')")
    public String q;

    @QueryParam("type")
    @Parameter(description = "CITY, REGION, DISTRICT, AGENCY, UNIVERSITY, CHAMBER, NETWORK_SECRETARIAT or COMPANY")
    public String type;

    @QueryParam("country")
    @IsoCountry
    @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. SE")
    public String country;

    @QueryParam("theme")
    @Size(max = 100)
    public String theme;

    @QueryParam("parentRegionId")
    @Parameter(description = "Partners that belong to this region (its id)")
    public String parentRegionId;

    @QueryParam("status")
    @Parameter(description = "ACTIVE or RETIRED")
    public String status;

    PartnerType type() {
        return Params.enumOf(PartnerType.class, type, "type");
    }

    UUID parentRegionId() {
        return Params.uuid(parentRegionId, "parentRegionId");
    }

    @QueryParam("urbanisation")
    @Parameter(description = "CITY, TOWN or RURAL (EU degree of urbanisation)")
    public String urbanisation;

    Urbanisation urbanisation() {
        return Params.enumOf(Urbanisation.class, urbanisation, "urbanisation");
    }

    PartnerStatus status() {
        return Params.enumOf(PartnerStatus.class, status, "status");
    }
}
