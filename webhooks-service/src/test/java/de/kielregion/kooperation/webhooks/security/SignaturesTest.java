package de.kielregion.kooperation.webhooks.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void theSpecificationsTestVectorIsSignedAsItSays() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secretsAreNewEachTimeAndKeptOnlyEncrypted() {
        SecretBox box = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));
        String secret = SecretBox.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, SecretBox.newSecret());
        byte[] sealed = box.encrypt(secret);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret.substring(6, 20)));
        assertEquals(secret, box.decrypt(sealed));
        byte[] again = box.encrypt(secret);
        assertFalse(java.util.Arrays.equals(sealed, again), "a fresh nonce each time");
        SecretBox other = new SecretBox(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed), "another key cannot read it");
        assertThrows(IllegalStateException.class, () -> new SecretBox("c2hvcnQ="), "a key of 5 bytes is refused");
    }
}
