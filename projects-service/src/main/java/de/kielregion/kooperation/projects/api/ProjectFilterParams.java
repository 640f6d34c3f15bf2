package de.kielregion.kooperation.projects.api;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.validation.IsoCountry;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.projects.project.ProjectFilter;
import de.kielregion.kooperation.projects.project.ProjectStatus;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the project list and its export, as query parameters; every one is optional. */
public class ProjectFilterParams {

    @QueryParam("status")
    public String status;

    @QueryParam("themeId")
    public String themeId;

    @QueryParam("measureId")
    public String measureId;

    @QueryParam("shareholder")
    public String shareholder;

    @QueryParam("partnerId")
    public String partnerId;

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(
            description = "Words that must all occur in title or summary, ignoring case and accents"
                    + " ('mobilitat goteborg' finds 'Mobilität … Göteborg')")
    public String q;

    @QueryParam("country")
    @IsoCountry
    @Parameter(description = "Projects with a partner from this country (ISO 3166-1 alpha-2, e.g. SE)")
    public String country;

    @QueryParam("interestsOf")
    @Parameter(
            description = "A shareholder: projects its recorded interests reach (one of its themes, or a partner in"
                    + " one of its countries or regions); 409 while it has recorded none")
    public String interestsOf;

    ProjectFilter filter() {
        return new ProjectFilter(
                Params.enumOf(ProjectStatus.class, status, "status"),
                Params.uuid(themeId, "themeId"),
                Params.uuid(measureId, "measureId"),
                Params.enumOf(Shareholder.class, shareholder, "shareholder"),
                Params.uuid(partnerId, "partnerId"),
                q,
                country,
                Params.enumOf(Shareholder.class, interestsOf, "interestsOf"));
    }
}
