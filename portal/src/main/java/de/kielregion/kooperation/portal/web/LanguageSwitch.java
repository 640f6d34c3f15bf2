package de.kielregion.kooperation.portal.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Deutsch / English: a cookie for a year, then back to the page the user was on. */
@Path("/language")
@PermitAll
public class LanguageSwitch {

    @GET
    public Response switchTo(@QueryParam("to") String to, @QueryParam("back") String back) {
        String lang = "en".equals(to) ? "en" : "de";
        // Only a path of this portal: never an open redirect.
        String target =
                back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        NewCookie cookie = new NewCookie.Builder("lang")
                .value(lang)
                .path("/")
                .maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
