package de.kielregion.kooperation.webhooks.security;

import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.webhooks.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may go (server-side request forgery): HTTPS to public addresses only, no user
 * info, and every address the host resolves to must be public, checked when a subscription is
 * made and again before every connection, which then goes to the address checked (a DNS answer
 * that changes in between cannot send it elsewhere). Plain HTTP, and then to loopback only, when
 * {@code ostsee.webhooks.allow-loopback-http} is set (the local stack, the tests).
 */
@ApplicationScoped
public class TargetPolicy {

    /** Resolves a host name (the JDK's resolver; tests give another). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target that may not be called now: the attempt fails with this reason (refusal key and English text). */
    public static final class Refused extends RuntimeException {
        final String key;
        final String host;
        final String address;

        Refused(String key, String host, String address, String message) {
            super(message);
            this.key = key;
            this.host = host;
            this.address = address;
        }
    }

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    @Inject
    TargetPolicy(WebhooksConfig config) {
        this(config.allowLoopbackHttp(), InetAddress::getAllByName);
    }

    public TargetPolicy(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** The URL of a new subscription, checked (400 with the reason otherwise). */
    public URI check(String url) {
        URI uri = parse(url);
        try {
            address(uri);
        } catch (Refused e) {
            throw ProblemException.refusal(e.key)
                    .with("host", e.host)
                    .with("address", e.address)
                    .invalid("targetUrl");
        }
        return uri;
    }

    /** The address to connect to for {@code uri} now: resolved and checked again. */
    public InetAddress address(URI uri) {
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("webhook.host-unknown", host, "", "the host " + host + " cannot be resolved");
        }
        if (addresses.length == 0) {
            throw new Refused("webhook.host-unknown", host, "", "the host " + host + " cannot be resolved");
        }
        boolean http = "http".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            String kind = forbidden(address);
            if (kind != null && !(allowLoopbackHttp && "loopback".equals(kind))) {
                throw new Refused(
                        "webhook.address-" + kind,
                        host,
                        address.getHostAddress(),
                        "the host " + host + " resolves to " + address.getHostAddress() + ", a " + kind + " address");
            }
            if (http && !address.isLoopbackAddress()) {
                throw new Refused(
                        "webhook.url-not-https",
                        host,
                        address.getHostAddress(),
                        "plain http goes only to loopback addresses here; use https");
            }
        }
        return addresses[0];
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("webhook.url-malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("webhook.url-not-https");
        }
        if (scheme.equals("http") && !allowLoopbackHttp) {
            throw invalid("webhook.url-not-https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("webhook.url-malformed");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw invalid("webhook.url-malformed");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("webhook.url-user-info");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("webhook.url-fragment");
        }
        if (url.length() > 2000) {
            throw invalid("webhook.url-malformed");
        }
        return uri;
    }

    private static ProblemException invalid(String key) {
        return ProblemException.refusal(key).invalid("targetUrl");
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Why an address is no public one (null when it is). */
    static String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
            if ((b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b
                    && (b[4] & 0xff) == 0x00
                    && (b[5] & 0xff) == 0x01) {
                return "reserved"; // NAT64 for local use (64:ff9b:1::/48): what it reaches is local by definition
            }
            // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16)
            byte[] v4 = null;
            if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zero(b, 0, 12)) {
                v4 = new byte[] {b[12], b[13], b[14], b[15]};
            } else if ((b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b
                    && zero(b, 4, 12)) {
                v4 = new byte[] {b[12], b[13], b[14], b[15]};
            } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                v4 = new byte[] {b[2], b[3], b[4], b[5]};
            }
            if (v4 != null) {
                try {
                    return forbidden(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    private static String forbiddenV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "shared";
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return "reserved";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return "reserved";
        }
        if (a0 >= 240) {
            return "reserved";
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
