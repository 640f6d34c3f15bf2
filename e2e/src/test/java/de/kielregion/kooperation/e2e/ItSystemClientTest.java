package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.api.partners.PartnersApi;
import de.kielregion.kooperation.api.partners.RelationsApi;
import de.kielregion.kooperation.api.partners.ShareholderActivitiesApi;
import de.kielregion.kooperation.api.partners.model.ActivityKind;
import de.kielregion.kooperation.api.partners.model.ActivityRequest;
import de.kielregion.kooperation.api.partners.model.BulkRequest;
import de.kielregion.kooperation.api.partners.model.BulkResult;
import de.kielregion.kooperation.api.partners.model.PagePartnerView;
import de.kielregion.kooperation.api.partners.model.PartnerRequest;
import de.kielregion.kooperation.api.partners.model.PartnerType;
import de.kielregion.kooperation.api.partners.model.PartnerView;
import de.kielregion.kooperation.api.partners.model.RelationKind;
import de.kielregion.kooperation.api.partners.model.RelationRequest;
import de.kielregion.kooperation.api.partners.model.RelationStatus;
import de.kielregion.kooperation.api.partners.model.RelationView;
import de.kielregion.kooperation.api.partners.model.Shareholder;
import de.kielregion.kooperation.api.projects.ProjectsApi;
import de.kielregion.kooperation.api.projects.model.PageProjectView;
import de.kielregion.kooperation.api.projects.model.ProjectView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The City of Kiel's IT system, written only against the Java clients generated from
 * docs/api (module api-clients), with the kiel-it client's token: reads projects and partners,
 * walks every page by the Link header, pushes activities in bulk, retries creates with the same
 * Idempotency-Key, and reads refusals as typed problems.
 */
class ItSystemClientTest {

    private static Suite suite;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        suite = Suite.get();
        suite.demoData();
    }

    private static de.kielregion.kooperation.api.partners.client.ApiClient partners(String token) {
        var client = new de.kielregion.kooperation.api.partners.client.ApiClient();
        client.updateBaseUri(suite.url("partners"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static de.kielregion.kooperation.api.projects.client.ApiClient projects(String token) {
        var client = new de.kielregion.kooperation.api.projects.client.ApiClient();
        client.updateBaseUri(suite.url("projects"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** The page that rel="next" of a Link header points to, if any. */
    private static Optional<Integer> next(java.util.Map<String, List<String>> headers) {
        List<String> links = headers.getOrDefault("link", headers.getOrDefault("Link", List.of()));
        for (String link : links) {
            Matcher next = Pattern.compile("<[^>]*[?&]page=(\\d+)[^>]*>;\\s*rel=\"next\"")
                    .matcher(link);
            if (next.find()) {
                return Optional.of(Integer.parseInt(next.group(1)));
            }
        }
        return Optional.empty();
    }

    @Test
    void walksEveryPageOfPartnersByTheLinkHeaderAndReadsThemTyped() throws Exception {
        PartnersApi partners = new PartnersApi(partners(Suite.KIEL));
        List<PartnerView> all = new ArrayList<>();
        Integer page = 0;
        long total = -1;
        int requests = 0;
        while (page != null) {
            var answer = partners.searchPartnersWithHttpInfo(PartnersApi.APISearchPartnersRequest.newBuilder()
                    .page(page)
                    .size(2)
                    .sort("name")
                    .build());
            total = answer.getData().getTotalItems();
            all.addAll(answer.getData().getItems());
            page = next(answer.getHeaders()).orElse(null);
            requests++;
        }
        assertTrue(total > 2, "the workshop's partners fill more than one page of two: " + total);
        assertEquals(total, all.size(), "every partner once, by following rel=next");
        assertEquals(total, all.stream().map(PartnerView::getId).distinct().count());
        assertEquals((total + 1) / 2, requests);
        PagePartnerView aarhus = partners.searchPartners(
                PartnersApi.APISearchPartnersRequest.newBuilder().q("Aarhus").build());
        assertFalse(aarhus.getItems().isEmpty(), "the workshop's focus partner Aarhus");
        PartnerView partner = partners.getPartner(aarhus.getItems().get(0).getId());
        assertEquals("DK", partner.getCountry());
        assertEquals(PartnerType.CITY, partner.getType());
    }

    @Test
    void readsProjectsTyped() throws Exception {
        ProjectsApi projects = new ProjectsApi(projects(Suite.KIEL));
        // One request object per operation: parameters added to the API later do not break this call.
        PageProjectView page = projects.listProjects(ProjectsApi.APIListProjectsRequest.newBuilder()
                .page(0)
                .size(20)
                .sort("title")
                .build());
        assertFalse(page.getItems().isEmpty(), "the demo data has projects");
        ProjectView one = projects.getProject(page.getItems().get(0).getId());
        assertEquals(page.getItems().get(0).getTitle(), one.getTitle());
        assertNotNull(one.getStatus());
    }

    @Test
    void pushesActivitiesInBulkAndARetryWithItsKeyRepeatsTheAnswerWithoutDoingItAgain() throws Exception {
        ShareholderActivitiesApi activities = new ShareholderActivitiesApi(partners(Suite.KIEL));
        List<ActivityRequest> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(new ActivityRequest()
                    .externalId("it-" + RUN + "-" + i)
                    .title("Austausch " + RUN + " " + i)
                    .kind(ActivityKind.EXCHANGE)
                    .yearFrom(2025));
        }
        BulkRequest push = new BulkRequest().activities(items);
        String key = "bulk-" + RUN;
        var first = activities.pushActivitiesWithHttpInfo(ShareholderActivitiesApi.APIPushActivitiesRequest.newBuilder()
                .shareholder("KIEL")
                .bulkRequest(push)
                .idempotencyKey(key)
                .build());
        assertEquals(new BulkResult().received(3).created(3).updated(0).unchanged(0), first.getData());
        var retry = activities.pushActivitiesWithHttpInfo(ShareholderActivitiesApi.APIPushActivitiesRequest.newBuilder()
                .shareholder("KIEL")
                .bulkRequest(push)
                .idempotencyKey(key)
                .build());
        assertEquals(first.getData(), retry.getData(), "the retry answers the first response");
        assertEquals(List.of("true"), retry.getHeaders().get("idempotent-replayed"));
        // Without the key the same push is executed again: nothing new, so all unchanged.
        assertEquals(
                new BulkResult().received(3).created(0).updated(0).unchanged(3),
                activities.pushActivities("KIEL", push, null));
        assertEquals(
                3,
                suite.count("partners", "SELECT count(*) FROM activity WHERE external_id LIKE ?", "it-" + RUN + "-%"));
        assertEquals(
                3,
                suite.count(
                        "partners",
                        "SELECT count(*) FROM outbox_event WHERE type LIKE '%activity%' "
                                + "AND payload->>'externalId' LIKE ?",
                        "it-" + RUN + "-%"));
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneRowAndRefusalsAreTypedProblems() throws Exception {
        // KielRegion's staff register a partner; Kiel's system relates to it.
        PartnerView partner = new PartnersApi(partners(Suite.COORDINATOR))
                .registerPartner(
                        new PartnerRequest()
                                .name("Göteborg IT " + RUN)
                                .type(PartnerType.CITY)
                                .country("SE"),
                        "partner-" + RUN);
        RelationsApi relations = new RelationsApi(partners(Suite.KIEL));
        RelationRequest twin = new RelationRequest()
                .shareholder(Shareholder.KIEL)
                .partnerId(partner.getId())
                .kind(RelationKind.OTHER)
                .status(RelationStatus.ACTIVE)
                .note("Austausch " + RUN);
        String key = UUID.randomUUID().toString();
        var created = relations.createRelationWithHttpInfo(RelationsApi.APICreateRelationRequest.newBuilder()
                .relationRequest(twin)
                .idempotencyKey(key)
                .build());
        assertEquals(201, created.getStatusCode());
        var retried = relations.createRelationWithHttpInfo(RelationsApi.APICreateRelationRequest.newBuilder()
                .relationRequest(twin)
                .idempotencyKey(key)
                .build());
        assertEquals(201, retried.getStatusCode());
        assertEquals(created.getData().getId(), retried.getData().getId());
        assertEquals(created.getHeaders().get("location"), retried.getHeaders().get("location"));
        assertEquals(
                1,
                relations
                        .listRelations(RelationsApi.APIListRelationsRequest.newBuilder()
                                .partnerId(partner.getId().toString())
                                .shareholder("KIEL")
                                .build())
                        .getTotalItems());

        ObjectMapper json = partners(Suite.KIEL).getObjectMapper();
        // The same key with another body: 422.
        var otherBody = assertThrows(
                de.kielregion.kooperation.api.partners.client.ApiException.class,
                () -> relations.createRelation(RelationsApi.APICreateRelationRequest.newBuilder()
                        .relationRequest(twin.note("anders"))
                        .idempotencyKey(key)
                        .build()));
        assertEquals(422, otherBody.getCode());
        var unprocessable =
                json.readValue(otherBody.getResponseBody(), de.kielregion.kooperation.api.partners.model.Problem.class);
        assertEquals(422, unprocessable.getStatus());
        assertEquals("Idempotency-Key", unprocessable.getViolations().get(0).getField());

        // A new key for the same relation: the relation exists, 409.
        var duplicate = assertThrows(
                de.kielregion.kooperation.api.partners.client.ApiException.class,
                () -> relations.createRelation(
                        twin.note("Austausch " + RUN), UUID.randomUUID().toString()));
        assertEquals(409, duplicate.getCode());
        var conflict =
                json.readValue(duplicate.getResponseBody(), de.kielregion.kooperation.api.partners.model.Problem.class);
        assertEquals(409, conflict.getStatus());
        assertEquals("urn:ostsee-kooperation:problem:relation.exists", conflict.getType(), "a stable type to act on");
        assertTrue(conflict.getDetail().contains("City of Kiel"), conflict.getDetail());

        // An update based on an old version: 412.
        RelationView current = created.getData();
        relations.updateRelation(current.getId(), twin.note("geändert"), "\"" + current.getVersion() + "\"");
        var stale = assertThrows(
                de.kielregion.kooperation.api.partners.client.ApiException.class,
                () -> relations.updateRelation(
                        current.getId(), twin.note("zu spät"), "\"" + current.getVersion() + "\""));
        assertEquals(412, stale.getCode());
        var precondition =
                json.readValue(stale.getResponseBody(), de.kielregion.kooperation.api.partners.model.Problem.class);
        assertEquals(412, precondition.getStatus());
        assertTrue(precondition.getDetail().contains("version"), precondition.getDetail());
        Set<String> types = new HashSet<>(stale.getResponseHeaders().allValues("content-type"));
        assertTrue(types.stream().anyMatch(t -> t.startsWith("application/problem+json")), types.toString());
    }
}
