package de.kielregion.kooperation.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        Properties en = load("problems.properties");
        Properties de = load("problems_de.properties");
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
        Properties en = load("ValidationMessages.properties");
        Properties de = load("ValidationMessages_de.properties");
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

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is on the class path");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** What a pattern finds in the service's main sources. */
    private static Set<String> found(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
