package de.kielregion.kooperation.infra.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like Keycloak's (roles in {@code realm_access.roles}, the
 * {@code shareholder} claim of shareholder clients) for the OIDC WireMock server of
 * {@code quarkus-test-oidc-server}: the services validate them exactly as real ones.
 */
public final class Tokens {

    private static final String ISSUER = "https://server.example.com";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {}

    /** A token of user {@code subject} with the given realm roles. */
    public static String user(String subject, String... roles) {
        return sign(claims(subject, roles));
    }

    /** A token of a shareholder's client: role {@code shareholder}, claim {@code shareholder}. */
    public static String shareholder(String shareholder) {
        return sign(claims("service-account-" + shareholder.toLowerCase(), "shareholder")
                .claim("shareholder", shareholder));
    }

    /** A correctly signed user token issued for another audience (another API). */
    public static String forAudience(String audience, String subject, String... roles) {
        return sign(claims(subject, roles).audience(audience));
    }

    /** "Bearer " + token, for an Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(KEY);
    }
}
