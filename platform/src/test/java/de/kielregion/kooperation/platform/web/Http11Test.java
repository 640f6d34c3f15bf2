package de.kielregion.kooperation.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A client that asks to upgrade a cleartext connection to HTTP/2 (java.net.http's default, and
 * so the generated clients') is answered in HTTP/1.1: the services offer no h2c upgrade.
 */
@QuarkusTest
class Http11Test {

    @TestHTTPResource("/echo?q=h2c")
    URI echo;

    @Test
    void anH2cUpgradeIsAnsweredInHttp11() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .build()
                .send(HttpRequest.newBuilder(echo).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("q=h2c", response.body());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }
}
