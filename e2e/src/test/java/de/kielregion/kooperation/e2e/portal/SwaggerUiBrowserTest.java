package de.kielregion.kooperation.e2e.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.e2e.Suite;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A developer of a city's IT system tries the API in a service's Swagger UI: "Authorize" logs
 * in on Keycloak's own page (public client, authorization code with PKCE, no token pasted), and
 * the token Swagger UI then holds is a user token for the API that the service accepts.
 */
class SwaggerUiBrowserTest {

    @Test
    void swaggerUiAuthorizesThroughKeycloakWithPkce() {
        String service = Suite.get().url("projects");
        try (Browser browser = new Browser(service, "en-US")) {
            var driver = browser.raw();
            driver.get(service + "/q/swagger-ui/");
            browser.find("button.authorize").click();
            WebElement keycloak = browser.wait.until(d -> d.findElements(By.cssSelector(".auth-container")).stream()
                    .filter(c -> c.getText().contains("keycloak"))
                    .findFirst()
                    .orElse(null));
            assertTrue(keycloak.getText().contains("authorizationCode"), keycloak.getText());
            String swagger = driver.getWindowHandle();
            keycloak.findElement(By.cssSelector("button.authorize")).click();

            // Keycloak's login page opens in a window of its own.
            browser.wait.until(d -> d.getWindowHandles().size() == 2);
            Set<String> handles = driver.getWindowHandles();
            handles.stream()
                    .filter(h -> !h.equals(swagger))
                    .findFirst()
                    .ifPresent(h -> driver.switchTo().window(h));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            String loginPage = driver.getCurrentUrl();
            assertTrue(loginPage.contains("/realms/ostsee/protocol/openid-connect/auth"), loginPage);
            assertTrue(loginPage.contains("client_id=ostsee-swagger-ui"), loginPage);
            assertTrue(loginPage.contains("code_challenge_method=S256"), "PKCE: " + loginPage);
            driver.findElement(By.id("username")).sendKeys("carla.coordinator");
            driver.findElement(By.id("password")).sendKeys("demo-coordinator");
            driver.findElement(By.id("kc-login")).click();

            // The window closes itself after handing the code to Swagger UI, which fetches the token.
            browser.wait.until(d -> d.getWindowHandles().size() == 1);
            driver.switchTo().window(swagger);
            browser.wait.until(d -> !d.findElements(By.cssSelector(".auth-container button.logout"))
                            .isEmpty()
                    || !d.findElements(By.xpath("//button[normalize-space()='Logout']"))
                            .isEmpty());
            browser.find(".modal-ux button.btn-done").click();

            // Try it out: GET /projects with the token Swagger UI holds now.
            WebElement operation = browser.wait.until(d -> d.findElements(By.cssSelector(".opblock-get")).stream()
                    .filter(o -> o.findElement(By.cssSelector(".opblock-summary-path"))
                            .getText()
                            .equals("/projects"))
                    .findFirst()
                    .orElse(null));
            operation.findElement(By.cssSelector(".opblock-summary")).click();
            browser.wait
                    .until(d -> operation.findElements(By.cssSelector("button.try-out__btn")).stream()
                            .findFirst()
                            .orElse(null))
                    .click();
            browser.wait
                    .until(ExpectedConditions.elementToBeClickable(
                            operation.findElement(By.cssSelector("button.execute"))))
                    .click();
            String status = browser.wait.until(
                    d -> operation.findElements(By.cssSelector(".live-responses-table .response-col_status")).stream()
                            .map(WebElement::getText)
                            .filter(t -> t.trim().matches("\\d{3}.*"))
                            .findFirst()
                            .orElse(null));
            assertTrue(status.trim().startsWith("200"), status);
            String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
            java.util.regex.Matcher bearer = java.util.regex.Pattern.compile("Authorization: Bearer ([\\w.-]+)")
                    .matcher(curl);
            assertTrue(bearer.find(), "the request carried the token: " + curl);
            String token = bearer.group(1);

            JsonPath claims = new JsonPath(
                    new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
            assertEquals("ostsee-swagger-ui", claims.getString("azp"));
            assertEquals("carla.coordinator", claims.getString("preferred_username"));
            Object audience = claims.get("aud");
            assertTrue(String.valueOf(audience).contains("ostsee-api"), "audience: " + audience);
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get(service + "/projects")
                    .then()
                    .statusCode(200);
        }
    }
}
