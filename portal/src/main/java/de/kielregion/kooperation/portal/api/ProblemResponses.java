package de.kielregion.kooperation.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error response (problem+json, or anything else) into a {@link ServiceProblem}. */
public class ProblemResponses implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceProblem toThrowable(Response response) {
        return read(response.getStatus(), response.hasEntity() ? safeBody(response) : null, response.getMediaType());
    }

    /** Before the generated clients' own mapper (which would throw their ApiException). */
    @Override
    public int getPriority() {
        return jakarta.ws.rs.Priorities.USER - 1000;
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static ServiceProblem read(int status, String body, MediaType type) {
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = null;
        Map<String, String> violations = new LinkedHashMap<>();
        if (body != null && !body.isBlank() && type != null && type.getSubtype().endsWith("json")) {
            try {
                JsonNode problem = JSON.readTree(body);
                title = problem.path("title").asText(title);
                detail = problem.path("detail").isTextual()
                        ? problem.path("detail").asText()
                        : null;
                for (JsonNode v : problem.path("violations")) {
                    violations.putIfAbsent(
                            v.path("field").asText(), v.path("message").asText());
                }
            } catch (Exception e) {
                detail = null;
            }
        }
        return new ServiceProblem(status, title, detail, violations);
    }

    private static String safeBody(Response response) {
        try {
            return response.readEntity(String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
