package de.kielregion.kooperation.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.portal.i18n.Messages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** German first: dates 27.11.2026, amounts 15.000,00 €; English on request; labels from the bundles. */
class UiTest {

    private final Ui de = Ui.of(Messages.GERMAN);
    private final Ui en = Ui.of(Messages.ENGLISH);

    @Test
    void datesAndAmountsInGerman() {
        assertEquals("27.11.2026", de.date("2026-11-27"));
        assertEquals("27.11.2026", de.date("2026-11-26T23:30:00Z"), "an instant is shown as Kiel's date");
        assertEquals("27.11.2026, 09:05", de.dateTime("2026-11-27T08:05:00Z"));
        assertEquals("15.000,00\u00a0€", de.money(new BigDecimal("15000")));
        assertEquals("0,25 VZÄ", de.amount("0.25", "FTE"));
        assertEquals("1.234,5", de.number("1234.5"));
        assertEquals("", de.date(null));
        assertEquals("", de.money("not a number"));
        assertEquals("Schweden", de.country("SE"));
        assertEquals("1 / 2 / 4", de.t("dashboard.reach.cell", 1, 2, 4));
        assertEquals("xx", de.country("xx"), "not a code: shown as it is");
        assertEquals("3 Monate", de.period("P3M"));
        assertEquals("1 Jahr und 6 Monate", de.period("P1Y6M"));
        assertEquals("1 Monat", de.period("P1M"));
        assertEquals("Dänemark", de.country("DK"));
    }

    @Test
    void aWebhookAttemptsTechnicalMessageIsNeverShownAsItIs() {
        assertEquals(
                "Der Empfänger hat die Verbindung abgelehnt (nicht erreichbar).",
                de.attemptError("FAILED", "ConnectException: Connection refused: /127.0.0.1:9"));
        assertEquals(
                "Keine Antwort innerhalb von 10 Sekunden.", de.attemptError("FAILED", "no answer within 10000 ms"));
        assertEquals(
                "Die Zieladresse ist keine öffentliche Adresse mehr; nicht verbunden.",
                de.attemptError("REFUSED", "the host x resolves to 10.0.0.1, a private address"));
        assertEquals(
                "Die Verbindung zum Empfänger ist gescheitert.", de.attemptError("FAILED", "SSLHandshakeException"));
        assertEquals("No answer within 10 seconds.", en.attemptError("FAILED", "no answer within 10000 ms"));
    }

    @Test
    void datesAndAmountsInEnglish() {
        assertEquals("27 Nov 2026", en.date("2026-11-27"));
        assertEquals("€15,000.00", en.money("15000.00"));
        assertEquals("0.25 FTE", en.amount("0.25", "FTE"));
        assertEquals("Denmark", en.country("DK"));
        assertEquals("3 months", en.period("P3M"));
    }

    @Test
    void labelsAndEnumValuesFromTheBundles() {
        assertEquals("Projekte", de.t("nav.projects"));
        assertEquals("Projects", en.t("nav.projects"));
        assertEquals("Genehmigt mit Auflagen", de.e("ProjectStatus", "APPROVED_WITH_CONDITIONS"));
        assertEquals("Kreis Plön", de.e("Shareholder", "PLOEN"));
        assertEquals("12 Einträge", de.t("list.count", 12));
        assertEquals("1 Eintrag", de.t("list.count", 1));
        assertEquals("NEW_VALUE", de.e("ProjectStatus", "NEW_VALUE"), "an unknown value shows as it is");
        assertEquals("no.such.key", de.t("no.such.key"), "a missing label shows its key, never fails the page");
    }

    @Test
    void barsArePercentOfTheWholeAndChartBarsScaleToTheLargest() {
        assertEquals(25, de.percent("250.00", "1000.00"));
        assertEquals(0, de.percent("1", "0"), "no line amount: an empty bar");
        assertEquals(100, de.percent("5", "1"), "capped at 100");
        List<Ui.Bar> bars = de.bars(Map.of("Kultur", 2, "Mobilität", 4));
        assertEquals("Mobilität", bars.get(0).label());
        assertEquals(300, bars.get(0).width());
        assertEquals(150, bars.get(1).width());
    }

    @Test
    void pagerLinksStayInsideTheList() {
        Ui.Pager first = de.pager(Map.of("page", 0, "totalPages", 3));
        assertEquals(false, first.hasPrev());
        assertEquals(1, first.next());
        Ui.Pager last = de.pager(Map.of("page", 2, "totalPages", 3));
        assertEquals(false, last.hasNext());
        assertEquals(1, last.prev());
        assertEquals(3, last.current());
    }

    @Test
    void formValuesAndChoices() {
        Map<String, Object> values = Map.of("title", "Radweg", "themeIds", List.of("a", "b"), "kind", "EVENT");
        assertEquals("Radweg", de.v(values, "title"));
        assertEquals("", de.v(values, "missing"));
        assertEquals(true, de.chosen(values, "themeIds", "b"));
        assertEquals(false, de.chosen(values, "themeIds", "c"));
        assertEquals(true, de.chosen(values, "kind", "EVENT"));
    }
}
