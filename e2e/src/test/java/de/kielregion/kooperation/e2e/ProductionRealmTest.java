package de.kielregion.kooperation.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm (the chart's {@code files/ostsee-realm.json}) imported into the real
 * Keycloak the suite runs, under another name, and tried as an attacker and an administrator
 * would: brute force locks the account, a weak password is refused, an admin must set up a
 * one-time password at the first log-in while other staff log in with their password, machine
 * clients' tokens are short-lived, and the portal client has no password grant.
 */
class ProductionRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REALM =
            Path.of("..", "deploy", "helm", "ostsee-kooperation", "files", "ostsee-realm.json");
    private static final String NAME = "ostsee-production-check";
    private static final String PORTAL = "https://ostsee.test";

    private static KeycloakServer keycloak;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void importTheProductionRealm() throws Exception {
        keycloak = Suite.get().keycloak();
        String text = Files.readString(REALM)
                .replace("PORTAL_HOST", "ostsee.test")
                .replace("PARTNERS_HOST", "partners.test")
                .replace("PROJECTS_HOST", "projects.test")
                .replace("MEMBERSHIPS_HOST", "memberships.test");
        // The operator fills ${X_CLIENT_SECRET} from a Secret; here a value of its own each.
        text = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text).replaceAll("secret-of-$1");
        var realm = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text);
        realm.put("realm", NAME);
        HttpResponse<String> created = adminCall("POST", "/admin/realms", JSON.writeValueAsString(realm));
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void machineClientsGetShortTokensAndThePortalNoPasswordGrant() throws Exception {
        String token = keycloak.token(
                tokenEndpoint(),
                "grant_type=client_credentials&client_id=kiel-it&client_secret=secret-of-KIEL_IT_CLIENT_SECRET");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        // Five minutes; Keycloak reads its clock twice (iat, exp), so a second boundary between the
        // two reads makes it 301 now and then (seen in CI): still the 300 s lifespan, not a default.
        long lifespan = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertTrue(lifespan == 300 || lifespan == 301, "a 5-minute token: " + claims);
        assertEquals("KIEL", claims.path("shareholder").asText());
        HttpResponse<String> password = post(
                tokenEndpoint(),
                "grant_type=password&client_id=ostsee-portal&client_secret=secret-of-PORTAL_CLIENT_SECRET"
                        + "&username=x&password=y");
        assertEquals(400, password.statusCode(), password.body());
        assertTrue(password.body().contains("unauthorized_client"), password.body());
    }

    @Test
    void aWeakPasswordIsRefused() throws Exception {
        String name = "weak." + UUID.randomUUID().toString().substring(0, 8);
        String id = user(name, "viewer");
        assertEquals(400, password(id, "kurz-2026").statusCode(), "shorter than 12");
        assertEquals(400, password(id, name).statusCode(), "the user name");
        assertEquals(400, password(id, name + "@kielregion.example").statusCode(), "the e-mail address");
        assertEquals(204, password(id, "Erste-Passphrase-2026").statusCode());
        assertEquals(204, password(id, "Zweite-Passphrase-2026").statusCode());
        assertEquals(400, password(id, "Erste-Passphrase-2026").statusCode(), "one of the last five");
    }

    @Test
    void anAdminMustSetUpAOneTimePasswordWhileOtherStaffLogInWithTheirs() throws Exception {
        String adminUser = "alex.admin." + UUID.randomUUID().toString().substring(0, 8);
        String adminId = user(adminUser, "admin");
        setPassword(adminId, "Ostsee-Kooperation-2026!");
        HttpResponse<String> afterPassword = logIn(adminUser, "Ostsee-Kooperation-2026!");
        assertEquals(
                200,
                afterPassword.statusCode(),
                "a page, not the redirect back to the portal: "
                        + afterPassword.headers().map());
        assertTrue(
                afterPassword.body().contains("name=\"totp\""),
                "the admin is asked to set up a one-time password: " + afterPassword.body());

        String staff = "carla.staff." + UUID.randomUUID().toString().substring(0, 8);
        setPassword(user(staff, "coordinator"), "Ostsee-Kooperation-2026!");
        HttpResponse<String> loggedIn = logIn(staff, "Ostsee-Kooperation-2026!");
        assertEquals(302, loggedIn.statusCode(), loggedIn.body());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(PORTAL + "/?") && location.contains("code="), "back to the portal: " + location);
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        String name = "brute." + UUID.randomUUID().toString().substring(0, 8);
        String id = user(name, "viewer");
        setPassword(id, "Ostsee-Kooperation-2026!");
        for (int i = 1; i <= 5; i++) {
            // More than a second apart: faster attempts are locked at once by the quick-login check.
            Thread.sleep(1100);
            HttpResponse<String> wrong = logIn(name, "falsch-" + i + "-Ostsee-2026");
            assertEquals(200, wrong.statusCode(), "the log-in form again");
            assertEquals(i == 5, lockedOut(id), "locked after attempt " + i + " of 5");
        }
        HttpResponse<String> right = logIn(name, "Ostsee-Kooperation-2026!");
        assertEquals(200, right.statusCode(), "even the right password is refused while locked: " + right.body());
    }

    private static boolean lockedOut(String id) throws Exception {
        return JSON.readTree(
                        adminCall("GET", "/admin/realms/" + NAME + "/attack-detection/brute-force/users/" + id, null)
                                .body())
                .path("disabled")
                .asBoolean();
    }

    /**
     * A browser's log-in to the portal client: the form, then user name and password posted to
     * it. Keycloak's cookies are Secure, which java.net's cookie store keeps from plain HTTP (a
     * browser treats loopback as secure): they are carried by hand.
     */
    private static HttpResponse<String> logIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("verifier-verifier-verifier-verifier-verifier-01".getBytes(StandardCharsets.US_ASCII)));
        String auth = keycloak.base() + "/realms/" + NAME + "/protocol/openid-connect/auth?client_id=ostsee-portal"
                + "&response_type=code&scope=openid&redirect_uri=" + encode(PORTAL + "/") + "&code_challenge="
                + challenge + "&code_challenge_method=S256&state=s";
        HttpResponse<String> form =
                browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        StringBuilder cookies = new StringBuilder();
        for (String cookie : form.headers().allValues("Set-Cookie")) {
            cookies.append(cookies.isEmpty() ? "" : "; ").append(cookie, 0, cookie.indexOf(';'));
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), form.body());
        String target = action.group(1).replace("&amp;", "&");
        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(URI.create(target))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + encode(username) + "&password=" + encode(password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Redirects inside Keycloak (e.g. to a required action) are followed as a browser would;
        // the one back to the portal is the answer.
        for (int hops = 0; hops < 5 && answer.statusCode() == 302; hops++) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith(keycloak.base())) {
                break;
            }
            for (String cookie : answer.headers().allValues("Set-Cookie")) {
                cookies.append("; ").append(cookie, 0, cookie.indexOf(';'));
            }
            answer = browser.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .header("Cookie", cookies.toString())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    /** A user with one realm role; its id. */
    private static String user(String username, String role) throws Exception {
        HttpResponse<String> created = adminCall(
                "POST",
                "/admin/realms/" + NAME + "/users",
                JSON.writeValueAsString(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@kielregion.example",
                        "emailVerified",
                        true,
                        "firstName",
                        "Test",
                        "lastName",
                        "Person")));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode roleRep = JSON.readTree(adminCall("GET", "/admin/realms/" + NAME + "/roles/" + role, null)
                .body());
        HttpResponse<String> mapped = adminCall(
                "POST",
                "/admin/realms/" + NAME + "/users/" + id + "/role-mappings/realm",
                "[" + JSON.writeValueAsString(roleRep) + "]");
        assertEquals(204, mapped.statusCode(), mapped.body());
        return id;
    }

    private static void setPassword(String id, String password) throws Exception {
        HttpResponse<String> set = password(id, password);
        assertEquals(204, set.statusCode(), set.body());
    }

    private static HttpResponse<String> password(String id, String password) throws Exception {
        return adminCall(
                "PUT",
                "/admin/realms/" + NAME + "/users/" + id + "/reset-password",
                JSON.writeValueAsString(Map.of("type", "password", "temporary", false, "value", password)));
    }

    private static String tokenEndpoint() {
        return keycloak.base() + "/realms/" + NAME + "/protocol/openid-connect/token";
    }

    private static HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> adminCall(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.base() + path))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .header("Content-Type", "application/json");
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
