package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.json.StrictJson;
import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.Violation;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters and path segments with control characters (e.g. {@code %00}) are refused
 * before they reach a resource or the database: 400, naming the parameter.
 */
public class NoControlCharacters {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter :
                uri.getQueryParameters(true).entrySet()) {
            String name = printable(parameter.getKey());
            int c = StrictJson.controlCharacter(parameter.getKey());
            for (String value : parameter.getValue()) {
                c = Math.max(c, StrictJson.controlCharacter(value));
            }
            if (c >= 0) {
                return refusal(name, "Query parameter '" + name + "'", c, uri);
            }
        }
        for (PathSegment segment : uri.getPathSegments(true)) {
            int c = StrictJson.controlCharacter(segment.getPath());
            if (c >= 0) {
                return refusal("path", "A segment of the path ('" + printable(segment.getPath()) + "')", c, uri);
            }
        }
        return null;
    }

    private static Response refusal(String field, String what, int c, UriInfo uri) {
        String message = "must not contain control characters (found " + StrictJson.describe(c) + ")";
        return Problem.of(Response.Status.BAD_REQUEST, what + " " + message)
                .withInstance(printable(uri.getPath()))
                .with("violations", List.of(new Violation(field, message)))
                .toResponse();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp < 0x20 || cp == 0x7f ? "\uFFFD" : Character.toString(cp)));
        return out.toString();
    }
}
