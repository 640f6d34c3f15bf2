package de.kielregion.kooperation.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.infra.testing.ProblemBundles;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the service has its sentence in English and in German (problems*.properties),
 * every thing it does not find its word, every own validation message both languages.
 */
class ProblemTextsTest {

    private static final Pattern KEY = Pattern.compile("refusal\\(\"([^\"]+)\"\\)");
    private static final Pattern THING = Pattern.compile("notFound\\(\"([^\"]+)\"");
    private static final Pattern VALIDATION = Pattern.compile("\"\\{(ostsee\\.partners\\.[^}]+)}\"");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @Test
    void everyRefusalOfTheCodeHasBothLanguages() {
        Properties en = ProblemBundles.load("problems.properties");
        Properties de = ProblemBundles.load("problems_de.properties");
        assertEquals(en.stringPropertyNames(), de.stringPropertyNames(), "both languages have the same keys");
        for (String key : found(KEY)) {
            assertTrue(en.containsKey(key), key + " has no sentence");
        }
        for (String what : found(THING)) {
            assertTrue(en.containsKey("thing." + what), "thing." + what + " has no word");
        }
        for (String key : en.stringPropertyNames()) {
            assertTrue(
                    params(en.getProperty(key)).containsAll(params(de.getProperty(key))),
                    key + ": the German names a parameter the English does not");
        }
    }

    @Test
    void everyOwnValidationMessageHasBothLanguages() {
        Properties en = ProblemBundles.load("ValidationMessages.properties");
        Properties de = ProblemBundles.load("ValidationMessages_de.properties");
        assertEquals(en.stringPropertyNames(), de.stringPropertyNames(), "both languages have the same keys");
        for (String key : found(VALIDATION)) {
            assertTrue(en.containsKey(key), key + " has no message");
        }
    }

    @Test
    void aRefusalReadsInTheCallersLanguage() {
        ProblemException retired = ProblemException.refusal("partner.already-retired")
                .with("partner", "Aarhus Kommune")
                .conflict();
        assertEquals("Partner Aarhus Kommune is already retired", retired.getMessage());
        assertEquals(
                "Der Partner „Aarhus Kommune“ ist bereits ausgeschieden.",
                retired.problem(Locale.GERMAN).getDetail());
        assertEquals(409, retired.problem(Locale.GERMAN).getStatus());

        ProblemException focus = ProblemException.refusal("relation.already-focus-partner")
                .with("shareholder", Shareholder.PLOEN)
                .conflict();
        assertEquals("The partner already is a focus partner of District of Plön", focus.getMessage());
        assertEquals(
                "Der Partner ist für Kreis Plön bereits Schwerpunktpartner.",
                focus.problem(Locale.GERMAN).getDetail());

        assertEquals(
                "Ansprechperson 42 gibt es nicht.",
                ProblemException.notFound("Contact person", "42")
                        .problem(Locale.GERMAN)
                        .getDetail());
    }

    @Test
    void aFieldsRefusalNamesTheFieldOnce() {
        ProblemException until = ProblemException.refusal("relation.until-before-since")
                .with("since", LocalDate.of(2025, 3, 1))
                .invalid("until");
        assertEquals("Field 'until' must not be before since (1 Mar 2025)", until.getMessage());
        assertEquals(
                "Feld „until“: darf nicht vor dem Beginn (01.03.2025) liegen",
                until.problem(Locale.GERMAN).getDetail());
        assertEquals(400, until.problem(Locale.GERMAN).getStatus());
    }

    /** What a pattern finds in the service's main sources (something: else the pattern is wrong). */
    private static Set<String> found(Pattern pattern) {
        Set<String> found = ProblemBundles.found(pattern);
        assertTrue(!found.isEmpty(), pattern + " finds something in src/main/java");
        return found;
    }

    private static Set<String> params(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
