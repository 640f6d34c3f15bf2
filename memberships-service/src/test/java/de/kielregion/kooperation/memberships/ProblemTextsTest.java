package de.kielregion.kooperation.memberships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.infra.testing.ProblemBundles;
import de.kielregion.kooperation.memberships.membership.Membership;
import de.kielregion.kooperation.memberships.membership.MembershipStatus;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.problem.ProblemTexts;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
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

    private static final Pattern KEY = Pattern.compile("\"((?:membership|organisation)\\.[a-z-]+)\"");
    private static final Pattern THING = Pattern.compile("notFound\\(\"([^\"]+)\"");
    private static final Pattern VALIDATION = Pattern.compile("\"\\{(ostsee\\.memberships\\.[^}]+)}\"");
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
    void aRefusedMoveReadsInTheCallersLanguageAndKeepsItsCodes() {
        Membership m = new Membership();
        m.status = MembershipStatus.CANDIDATE;
        ProblemException refused = assertThrows(
                ProblemException.class, () -> m.moveByHand(MembershipStatus.ACTIVE, LocalDate.now(), "UBC"));
        assertEquals(
                "A membership in status candidate cannot be set to active by hand; allowed: under review",
                refused.getMessage());
        assertEquals(
                "Eine Mitgliedschaft mit dem Status „Kandidat“ kann nicht von Hand auf „aktiv“ gesetzt werden; "
                        + "von Hand möglich: in Prüfung.",
                refused.problem(Locale.GERMAN).getDetail());
        assertEquals(
                ProblemTexts.TYPE + "membership.move-not-allowed",
                refused.problem(Locale.GERMAN).getType());
        assertEquals(409, refused.problem(Locale.GERMAN).getStatus());
        Map<?, ?> params = (Map<?, ?>) refused.problem().getExtensions().get("params");
        assertEquals(MembershipStatus.CANDIDATE, params.get("currentStatus"));
        assertEquals(Set.of(MembershipStatus.UNDER_REVIEW), params.get("allowed"));

        m.status = MembershipStatus.NOTICE_GIVEN;
        m.endDate = LocalDate.of(2026, 12, 31);
        ProblemException early = assertThrows(
                ProblemException.class, () -> m.moveByHand(MembershipStatus.ENDED, LocalDate.of(2026, 12, 30), "UBC"));
        assertEquals("The membership runs until 31 Dec 2026; it can end on or after that day", early.getMessage());
        assertEquals(
                "Die Mitgliedschaft läuft bis zum 31.12.2026; beendet werden kann sie erst an diesem Tag oder danach.",
                early.problem(Locale.GERMAN).getDetail());
    }

    @Test
    void aRefusalNamesShareholdersYearsAndThingsInTheirWords() {
        ProblemException open = ProblemException.refusal("membership.already-open")
                .with("holder", Shareholder.PLOEN)
                .with("organisation", "UBC")
                .conflict();
        assertEquals("District of Plön already has an open membership in UBC", open.getMessage());
        assertEquals(
                "Kreis Plön hat in UBC bereits eine Mitgliedschaft, "
                        + "die weder beendet noch durch Verzicht erledigt ist.",
                open.problem(Locale.GERMAN).getDetail());

        ProblemException noFee = ProblemException.refusal("membership.no-fee-for-year")
                .with("year", "2026")
                .with("id", "42")
                .conflict();
        assertEquals("There is no fee for 2026; set it with POST /memberships/42/fees", noFee.getMessage());
        assertEquals(
                "Für 2026 ist kein Jahresbeitrag festgelegt; bitte tragen Sie ihn unter „Beitrag ändern“ ein.",
                noFee.problem(Locale.GERMAN).getDetail());

        assertEquals(
                "Mitgliedschaft 42 gibt es nicht.",
                ProblemException.notFound("Membership", "42")
                        .problem(Locale.GERMAN)
                        .getDetail());
    }

    @Test
    void aFieldsRefusalNamesTheFieldOnce() {
        ProblemException renewal = ProblemException.refusal("membership.renewal-after-start")
                .with("startDate", LocalDate.of(2025, 3, 1))
                .invalid("renewalDate");
        assertEquals("Field 'renewalDate' must be after startDate (1 Mar 2025)", renewal.getMessage());
        assertEquals(
                "Feld „renewalDate“: muss nach dem Beginn (01.03.2025) liegen",
                renewal.problem(Locale.GERMAN).getDetail());
        assertEquals(400, renewal.problem(Locale.GERMAN).getStatus());
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
