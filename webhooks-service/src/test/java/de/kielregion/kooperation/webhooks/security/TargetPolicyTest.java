package de.kielregion.kooperation.webhooks.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.platform.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go: public addresses over https, checked at subscription and at each connection. */
class TargetPolicyTest {

    private static TargetPolicy production(String... addresses) {
        return new TargetPolicy(false, host -> resolve(addresses));
    }

    private static InetAddress[] resolve(String... addresses) throws UnknownHostException {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "::1, loopback",
        "10.1.2.3, private",
        "172.16.5.4, private",
        "192.168.178.1, private",
        "fd00:ec2::254, private",
        "169.254.169.254, link-local",
        "fe80::1, link-local",
        "100.64.0.1, shared",
        "100.100.100.200, shared",
        "0.0.0.0, unspecified",
        "0.1.2.3, unspecified",
        "::, unspecified",
        "224.0.0.1, multicast",
        "192.0.0.170, reserved",
        "198.18.0.1, reserved",
        "240.0.0.1, reserved",
        "::ffff:10.0.0.1, private",
        "::ffff:169.254.169.254, link-local",
        "64:ff9b::a9fe:a9fe, link-local",
        "2002:7f00:1::1, loopback",
        "64:ff9b:1::a00:1, reserved"
    })
    void aHostResolvingToANonPublicAddressIsRefused(String address, String kind) {
        ProblemException refused = assertThrows(
                ProblemException.class, () -> production(address).check("https://receiver.kiel.example/events"));
        assertEquals(
                "urn:ostsee-kooperation:problem:webhook.address-" + kind,
                refused.problem().getType(),
                address);
        assertEquals(400, refused.problem().getStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "2a00:1450:4001:82b::200e", "8.8.8.8"})
    void publicAddressesOverHttpsAreAccepted(String address) throws Exception {
        URI uri = production(address).check("https://receiver.kiel.example:8443/events?x=1");
        assertEquals(InetAddress.getByName(address), production(address).address(uri));
    }

    @Test
    void oneNonPublicAddressAmongPublicOnesIsEnough() {
        assertThrows(
                ProblemException.class,
                () -> production("93.184.215.14", "10.0.0.7").check("https://receiver.kiel.example/events"));
    }

    @ParameterizedTest
    @CsvSource({
        "http://receiver.kiel.example/events, webhook.url-not-https",
        "ftp://receiver.kiel.example/events, webhook.url-not-https",
        "/events, webhook.url-not-https",
        "https://user:pw@receiver.kiel.example/events, webhook.url-user-info",
        "https://receiver.kiel.example/events#top, webhook.url-fragment",
        "'https://receiver.kiel.example/ev ents', webhook.url-malformed",
        "https:///events, webhook.url-malformed",
        "https://receiver.kiel.example:70000/events, webhook.url-malformed",
        "https://receiver.kiel.example:0/events, webhook.url-malformed"
    })
    void malformedOrPlainUrlsAreRefused(String url, String key) {
        ProblemException refused = assertThrows(
                ProblemException.class, () -> production("93.184.215.14").check(url));
        assertEquals("urn:ostsee-kooperation:problem:" + key, refused.problem().getType(), url);
    }

    @Test
    void anUnknownHostIsRefused() {
        TargetPolicy policy = new TargetPolicy(false, host -> {
            throw new UnknownHostException(host);
        });
        ProblemException refused =
                assertThrows(ProblemException.class, () -> policy.check("https://nowhere.kiel.example/"));
        assertEquals(
                "urn:ostsee-kooperation:problem:webhook.host-unknown",
                refused.problem().getType());
    }

    @Test
    void dnsRebindingAfterTheSubscriptionIsCaughtAtTheConnection() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy policy = new TargetPolicy(
                false, host -> resolve(lookups.incrementAndGet() == 1 ? "93.184.215.14" : "169.254.169.254"));
        URI uri = policy.check("https://rebind.kiel.example/events");
        TargetPolicy.Refused refused = assertThrows(TargetPolicy.Refused.class, () -> policy.address(uri));
        assertEquals("webhook.address-link-local", refused.key);
    }

    @Test
    void theLocalStackAllowsPlainHttpToLoopbackOnly() throws Exception {
        TargetPolicy local = new TargetPolicy(true, host -> resolve(host));
        URI uri = local.check("http://127.0.0.1:9999/events");
        assertEquals("127.0.0.1", local.address(uri).getHostAddress());
        ProblemException toPublic =
                assertThrows(ProblemException.class, () -> local.check("http://93.184.215.14/events"));
        assertEquals(
                "urn:ostsee-kooperation:problem:webhook.url-not-https",
                toPublic.problem().getType());
        ProblemException toPrivate = assertThrows(ProblemException.class, () -> local.check("https://10.0.0.1/events"));
        assertEquals(
                "urn:ostsee-kooperation:problem:webhook.address-private",
                toPrivate.problem().getType());
    }
}
