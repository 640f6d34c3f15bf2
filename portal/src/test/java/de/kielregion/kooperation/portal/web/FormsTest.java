package de.kielregion.kooperation.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What people type becomes what the services take; what cannot be read goes on as typed (the service names it). */
class FormsTest {

    private static Object decimal(String typed) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("amount", typed);
        return Forms.decimal(form, "amount");
    }

    @Test
    void germanAndPlainDecimals() {
        assertEquals(new BigDecimal("15000.50"), decimal("15.000,50"));
        assertEquals(new BigDecimal("15000.50"), decimal("15000.50"));
        assertEquals(new BigDecimal("0.25"), decimal("0,25"));
        assertEquals(new BigDecimal("1500"), decimal("1.500 €"));
        assertEquals("zehn", decimal("zehn"), "passed on as typed, so that the service refuses it by name");
        assertEquals(null, decimal("  "));
    }

    @Test
    void integersAndBlanks() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("effort", " 3 ");
        form.putSingle("impact", "drei");
        form.putSingle("lead", "   ");
        assertEquals(3L, Forms.integer(form, "effort"));
        assertEquals("drei", Forms.integer(form, "impact"));
        assertEquals(null, Forms.text(form, "lead"));
        assertEquals(
                false,
                Forms.prefill("lead", Forms.text(form, "lead")).containsKey("lead"),
                "a blank field is left out of the values");
    }

    @Test
    void decisionSubjectsLinkToPortalPages() {
        assertEquals(
                "/projects/6f1e0b3c-6a5e-4d8e-9a7b-1c2d3e4f5a6b",
                Forms.pageOf("projects-service:/projects/6f1e0b3c-6a5e-4d8e-9a7b-1c2d3e4f5a6b"));
        assertEquals(
                "/memberships/6f1e0b3c-6a5e-4d8e-9a7b-1c2d3e4f5a6b",
                Forms.pageOf("memberships-service:/memberships/6f1e0b3c-6a5e-4d8e-9a7b-1c2d3e4f5a6b"));
        assertEquals("/strategy", Forms.pageOf("projects-service:/strategy/overview"));
        assertEquals(null, Forms.pageOf("evil:https://elsewhere.example/x"));
        assertEquals(null, Forms.pageOf(null));
    }

    @Test
    void aReaderReadsTypedValuesAndRefusesWhatDoesNotReadAtItsField() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("amount", "1.500,25");
        form.putSingle("year", "2027");
        form.putSingle("decidedOn", "2026-11-27");
        form.putSingle("category", "MONDAY");
        Forms.Reader ok = Forms.read(form, key -> "label:" + key);
        assertEquals(new BigDecimal("1500.25"), ok.decimal("amount"));
        assertEquals(2027, ok.integer("year"));
        assertEquals(java.time.LocalDate.of(2026, 11, 27), ok.date("decidedOn"));
        assertEquals(
                java.time.DayOfWeek.MONDAY,
                ok.choice(
                        "category",
                        v -> "STAFF".equals(v) ? java.time.DayOfWeek.MONDAY : java.time.DayOfWeek.valueOf(v)));
        assertEquals("request", ok.done("request"), "nothing refused: the request goes on");

        form.putSingle("amount", "zehn");
        form.putSingle("decidedOn", "27.11.");
        form.putSingle("category", "GOLD");
        Forms.Reader bad = Forms.read(form, key -> "label:" + key);
        assertEquals(null, bad.decimal("amount"));
        assertEquals(null, bad.date("decidedOn"));
        java.time.DayOfWeek none = bad.choice("category", java.time.DayOfWeek::valueOf);
        assertEquals(null, none);
        de.kielregion.kooperation.portal.api.ServiceProblem refused = org.junit.jupiter.api.Assertions.assertThrows(
                de.kielregion.kooperation.portal.api.ServiceProblem.class, () -> bad.done("request"));
        assertEquals(400, refused.status());
        assertEquals(
                java.util.Map.of(
                        "amount", "label:form.invalid.number",
                        "decidedOn", "label:form.invalid.date",
                        "category", "label:form.invalid.choice"),
                refused.violations());
    }
}
