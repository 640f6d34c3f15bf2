package de.kielregion.kooperation.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.infra.testing.ProblemBundles;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every refusal of the service has its sentence in English and in German, and reads well in both. */
class ProblemTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(webhook\\.[a-z-]+[a-z])\"");
    private static final Pattern THING = Pattern.compile("notFound\\(\"([^\"]+)\"");
    /** The kinds of addresses the target policy names (its keys are webhook.address-<kind>). */
    private static final List<String> KINDS =
            List.of("loopback", "private", "link-local", "shared", "reserved", "multicast", "unspecified");

    @Test
    void everyRefusalOfTheCodeHasBothLanguages() {
        Properties en = ProblemBundles.load("problems.properties");
        Properties de = ProblemBundles.load("problems_de.properties");
        assertEquals(en.stringPropertyNames(), de.stringPropertyNames(), "both languages have the same keys");
        Set<String> keys = ProblemBundles.found(KEY);
        KINDS.forEach(kind -> keys.add("webhook.address-" + kind));
        for (String key : keys) {
            assertTrue(en.containsKey(key), key + " has no sentence");
        }
        for (String what : ProblemBundles.found(THING)) {
            assertTrue(en.containsKey("thing." + what), "thing." + what + " has no word");
        }
    }

    @Test
    void refusalsReadInTheCallersLanguage() {
        ProblemException privateAddress = ProblemException.refusal("webhook.address-private")
                .with("host", "it.kiel.example")
                .with("address", "10.0.0.7")
                .invalid("targetUrl");
        assertEquals(
                "Feld „targetUrl“: nennt den Host it.kiel.example mit der privaten Adresse 10.0.0.7; Webhooks gehen"
                        + " nur an öffentliche Adressen",
                privateAddress.problem(Locale.GERMAN).getDetail());
        ProblemException foreign = ProblemException.refusal("webhook.foreign-shareholder")
                .with("own", Shareholder.KIEL)
                .with("shareholder", Shareholder.PLOEN)
                .forbidden();
        assertEquals(
                "Ein Client von Landeshauptstadt Kiel erhält nur Ereignisse, die den eigenen Gesellschafter betreffen,"
                        + " nicht Kreis Plön.",
                foreign.problem(Locale.GERMAN).getDetail());
        assertEquals(
                "Webhook-Abonnement 42 gibt es nicht.",
                ProblemException.notFound("WebhookSubscription", "42")
                        .problem(Locale.GERMAN)
                        .getDetail());
    }
}
