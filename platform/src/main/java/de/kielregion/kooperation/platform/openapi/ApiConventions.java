package de.kielregion.kooperation.platform.openapi;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.web.Idempotency;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The conventions every service's API keeps, written into its OpenAPI document in one place so
 * that a client generated from it knows them: a 201 with {@code Location} (and {@code ETag})
 * where a resource is created, every error status an operation can answer with the problem+json
 * schema, the {@code Idempotency-Key} header on every POST, and the {@code Link} header on
 * every paged list.
 *
 * <p>A resource method marks what the document cannot see from its signature with
 * {@code @Extension(name = ApiConventions.CREATED, value = "true")} and
 * {@code @Extension(name = ApiConventions.ETAG, value = "true")}; the marks do not stay in the
 * document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

    /** The operation answers 201 with the new resource and its address. */
    public static final String CREATED = "x-ostsee-created";
    /** The operation's success answer carries the resource's version as a strong ETag. */
    public static final String ETAG = "x-ostsee-etag";

    /** The portal's sections, and the tags (API classes of a generated client) each one covers. */
    static final Map<String, List<String>> PORTAL_SECTIONS = sections();

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getComponents().addSchema(PROBLEM, problemSchema());
        api.getComponents()
                .addSchema(
                        "Violation",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("One invalid field or parameter")
                                .addProperty("field", string("The field (a.b[0].c) or parameter"))
                                .addProperty("message", string("What is wrong with it"))
                                .required(List.of("field", "message")));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().forEach((method, operation) -> apply(path, method, operation)));
        groupTagsByPortalSection(api);
        Examples examples = new Examples(api.getComponents().getSchemas());
        api.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(media -> {
                                    if (media.getExample() == null && media.getSchema() != null) {
                                        media.setExample(examples.of(media.getSchema()));
                                    }
                                });
                    }
                }));
    }

    private void apply(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, Object> marks =
                operation.getExtensions() == null ? Map.of() : new LinkedHashMap<>(operation.getExtensions());
        boolean created = marks.containsKey(CREATED);
        boolean etag = marks.containsKey(ETAG);
        if (operation.getExtensions() != null) {
            operation.removeExtension(CREATED);
            operation.removeExtension(ETAG);
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (created && ok != null) {
            responses.removeAPIResponse("200");
            ok.setDescription("Created");
            ok.addHeader("Location", header("The address of the new resource"));
            responses.addAPIResponse("201", ok);
        }
        APIResponse success = created ? ok : firstSuccess(responses);
        if (etag && success != null) {
            success.addHeader("ETag", header("The resource's version (strong ETag): send it as If-Match to change it"));
        }
        if (success != null && pageOf(success)) {
            success.addHeader(
                    "Link",
                    header("RFC 8288 links to the first, previous, next and last page "
                            + "(rel=first/prev/next/last), with the same filters and size"));
        }

        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        boolean declaresKey = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p ->
                                p.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equalsIgnoreCase(p.getName()));
        if (method == PathItem.HttpMethod.POST && declaresKey) {
            // A resource that reads the key itself (e.g. to answer a retry from encrypted data):
            // the same parameter, documented once.
            operation.getParameters().stream()
                    .filter(p -> Idempotency.HEADER.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("A key of your choice (at most " + Idempotency.MAX_KEY_LENGTH
                                    + " characters) that makes a retry safe: the same key within "
                                    + Idempotency.RETENTION_HOURS + " hours answers the first response again")
                            .schema(OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .minLength(1)
                                    .maxLength(Idempotency.MAX_KEY_LENGTH)));
            hasInput = true;
        } else if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter()
                    .name(Idempotency.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("A key of your choice (at most " + Idempotency.MAX_KEY_LENGTH
                            + " characters) that makes a retry safe: the same key with the same body within "
                            + Idempotency.RETENTION_HOURS + " hours answers the first response again without doing "
                            + "anything a second time; the same key with another body is a 422")
                    .schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .minLength(1)
                            .maxLength(Idempotency.MAX_KEY_LENGTH)));
            hasInput = true;
        }
        if (hasInput) {
            problem(responses, "400", "Bad request: a parameter or the body is invalid; 'violations' name the fields");
        }
        if (secured) {
            problem(responses, "401", "No valid bearer token of the ostsee realm (audience ostsee-api)");
            problem(responses, "403", "The caller's roles, or shareholder, do not allow this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "There is no such resource");
        }
        if (write) {
            problem(
                    responses,
                    "409",
                    "The change conflicts with the current state (a stale 'version', a duplicate, "
                            + "a move the lifecycle does not allow); the detail says which");
        }
        if (ifMatch) {
            problem(
                    responses,
                    "412",
                    "If-Match names an older version: someone changed the resource since you read it");
            problem(responses, "428", "Neither If-Match nor 'version' says which version the change is based on");
        }
        if (hasBody) {
            problem(responses, "413", "The body is larger than the service accepts");
            problem(responses, "415", "The body is not application/json");
        }
        if (method == PathItem.HttpMethod.POST) {
            problem(responses, "422", "The Idempotency-Key was used before with another body");
        }
        problem(
                responses,
                "429",
                "Too many requests from this caller (a token bucket per token subject: 100 a second on average,"
                        + " bursts up to 400; an export or PDF takes 10, a body one more per 64 KB); nothing was"
                        + " changed: send it again after Retry-After seconds");
        responses.getAPIResponse("429").addHeader("Retry-After", header("Whole seconds until the request can pass"));
        problem(responses, "500", "An unexpected error; 'errorId' identifies it in the service's log");
        problem(
                responses,
                "503",
                "The service's database (restarting, or out of connections) or the sign-in service (Keycloak,"
                        + " for a service started while it was down) cannot be reached at the moment; the request"
                        + " was not done or was rolled back: send it again after Retry-After seconds (with the same"
                        + " Idempotency-Key, a repeat is safe)");
        responses
                .getAPIResponse("503")
                .addHeader("Retry-After", header("Whole seconds until the request may be sent again"));
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Dashboard (Lage)", List.of("Strategy overview"));
        sections.put("Projects (Projekte)", List.of("Projects", "Budget", "History", "Attachments"));
        sections.put("Partners (Partner)", List.of("Partners", "Relations", "Cooperation areas", "Engagement"));
        sections.put("Memberships (Mitgliedschaften)", List.of("Memberships", "Organisations"));
        sections.put("Decisions (Beschlüsse)", List.of("Decision register", "Decisions on partners"));
        sections.put("Meetings (Sitzungen)", List.of("Board meetings"));
        sections.put("Activities (Aktivitäten)", List.of("Shareholder activities"));
        sections.put("Interests (Interessen)", List.of("Shareholder interests"));
        sections.put("Calendar (Kalender)", List.of("Calendar"));
        sections.put("Strategy (Strategie)", List.of("Strategy"));
        sections.put("Results (Ergebnisse)", List.of("Results"));
        sections.put("Team", List.of("Team"));
        sections.put("Webhooks", List.of("Webhooks"));
        return sections;
    }

    /**
     * {@code x-tagGroups} (read by Redoc and Redocly): the document's tags grouped as the portal's
     * sections, so a reader finds an operation where the portal shows the same thing. A tag of
     * no section lands in "Other", which the services' contract test refuses.
     */
    private static void groupTagsByPortalSection(OpenAPI api) {
        if (api.getTags() == null || api.getTags().isEmpty()) {
            return;
        }
        List<String> tags = api.getTags().stream()
                .map(org.eclipse.microprofile.openapi.models.tags.Tag::getName)
                .toList();
        List<Map<String, Object>> groups = new java.util.ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        PORTAL_SECTIONS.forEach((section, members) -> {
            List<String> present = members.stream().filter(tags::contains).toList();
            if (!present.isEmpty()) {
                groups.add(group(section, present));
                placed.addAll(present);
            }
        });
        List<String> other = tags.stream().filter(t -> !placed.contains(t)).toList();
        if (!other.isEmpty()) {
            groups.add(group("Other", other));
        }
        api.addExtension("x-tagGroups", groups);
    }

    /** Name first, then tags: a fixed order, so the document is the same on every start. */
    private static Map<String, Object> group(String name, List<String> tags) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name);
        group.put("tags", tags);
        return group;
    }

    private static APIResponse firstSuccess(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return null;
        }
        return responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static boolean pageOf(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        return response.getContent().getMediaTypes().values().stream()
                .anyMatch(m -> m.getSchema() != null
                        && m.getSchema().getRef() != null
                        && m.getSchema().getRef().startsWith("#/components/schemas/Page"));
    }

    private static void problem(APIResponses responses, String status, String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse().description(description).content(content));
        } else {
            existing.setDescription(description);
            existing.setContent(content);
        }
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: every refusal and error of this API")
                .addProperty(
                        "type",
                        string("A URI reference naming the kind of problem; about:blank when the status says it all"))
                .addProperty("title", string("The status' short text"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status"))
                .addProperty("detail", string("What went wrong and what to do, for a person"))
                .addProperty("instance", string("The path of the request"))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("The invalid fields or parameters (400)")
                                .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .addProperty("errorId", string("Identifies an unexpected error (500) in the service's log"))
                .required(List.of("title", "status"));
    }
}
