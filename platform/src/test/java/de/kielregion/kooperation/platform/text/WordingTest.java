package de.kielregion.kooperation.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The glossary's words for codes, and dates, amounts and periods as people write them. */
class WordingTest {

    private final Wording de = Wording.GERMAN;
    private final Wording en = Wording.ENGLISH;

    @Test
    void codesReadAsTheGlossarysWords() {
        assertEquals("Aufsichtsrat", de.label("Body", "SUPERVISORY_BOARD"));
        assertEquals("Kreis Plön", de.label("Shareholder", "PLOEN"));
        assertEquals("genehmigt", de.label("Outcome", "APPROVED"));
        assertEquals("in Prüfung", de.label("MembershipStatus", "UNDER_REVIEW"));
        assertEquals("supervisory board", en.label("Body", "SUPERVISORY_BOARD"));
        assertEquals("Beschluss AR 7", de.label("DecisionKind", "Beschluss AR 7"), "free text stays as typed");
        assertEquals("", de.label("Body", null));
    }

    @Test
    void datesAmountsAndPeriods() {
        assertEquals("27.11.2026", de.date(LocalDate.of(2026, 11, 27)));
        assertEquals("27 Nov 2026", en.date(LocalDate.of(2026, 11, 27)));
        assertEquals("27.11.2026, 09:05", de.dateTime(Instant.parse("2026-11-27T08:05:00Z")));
        assertEquals("1.500,00\u00a0€", de.money(new BigDecimal("1500")));
        assertEquals("0,75 VZÄ", de.amount(new BigDecimal("0.75"), "FTE"));
        assertEquals("1.200,50\u00a0€", de.amount(new BigDecimal("1200.5"), "EUR"));
        assertEquals("3 Monate", de.period("P3M"));
        assertEquals("1 Jahr und 6 Monate", de.period("P1Y6M"));
        assertEquals("3 months", en.period("P3M"));
        assertEquals("", de.money(null));
        assertEquals(Wording.ENGLISH, Wording.of(Locale.ENGLISH));
        assertEquals(Wording.GERMAN, Wording.of(Locale.FRENCH), "German unless English is asked for");
    }
}
