package de.kielregion.kooperation.webhooks.security;

import de.kielregion.kooperation.webhooks.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The subscriptions' signing secrets: generated here ({@code whsec_} and 32 random bytes in
 * base64, the form of the Standard Webhooks specification) and kept encrypted (AES-256-GCM, a
 * fresh 12-byte nonce per secret, the key from {@code ostsee.webhooks.secret-key}).
 */
@ApplicationScoped
public class SecretBox {

    public static final String PREFIX = "whsec_";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    SecretBox(WebhooksConfig config) {
        this(config.secretKey());
    }

    public SecretBox(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ostsee.webhooks.secret-key (WEBHOOKS_SECRET_KEY) is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ostsee.webhooks.secret-key (WEBHOOKS_SECRET_KEY) must be 32 bytes"
                    + " in base64 (e.g. openssl rand -base64 32), not " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** A new signing secret. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public byte[] encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE));
            return new String(cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a webhook secret (was the key changed?)", e);
        }
    }
}
