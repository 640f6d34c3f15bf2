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
                Forms.body("lead", Forms.text(form, "lead")).containsKey("lead"),
                "a blank field is left out of the request");
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
}
