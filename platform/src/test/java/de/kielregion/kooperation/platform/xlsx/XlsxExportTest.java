package de.kielregion.kooperation.platform.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.testing.Workbooks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    record Row(String title, BigDecimal amount, LocalDate decidedOn, String note) {}

    private static Map<String, String> parts(byte[] xlsx) {
        Map<String, String> parts = new HashMap<>();
        Workbooks.parts(xlsx).forEach(name -> parts.put(name, Workbooks.part(xlsx, name)));
        return parts;
    }

    @Test
    void headerNumbersDatesAndTextThatIsNeverAFormula() {
        byte[] xlsx = XlsxExport.write(
                "Beschlüsse",
                Row.class,
                List.of(
                        new Row("UBC-Beitritt", new BigDecimal("3900.50"), LocalDate.of(2024, 11, 20), null),
                        new Row("=HYPERLINK(\"http://evil\")", BigDecimal.ONE, null, "+49 431")));
        Map<String, String> parts = parts(xlsx);
        assertTrue(parts.get("xl/workbook.xml").contains("name=\"Beschlüsse\""), parts.get("xl/workbook.xml"));
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "");
        String all = sheet + strings;
        for (String header : List.of("title", "amount", "decidedOn", "note")) {
            assertTrue(all.contains(">" + header + "<"), header);
        }
        assertTrue(sheet.contains("t=\"n\"><v>3900.50</v>"), "a number cell: " + sheet);
        assertTrue(sheet.contains("<v>45616.0</v>"), "2024-11-20 as a date cell (days since 1900)");
        assertTrue(all.contains("'=HYPERLINK"), "text starting with = is shown, not run");
        assertTrue(all.contains("'+49 431"));
        assertFalse(sheet.contains("<f>"), "no formula anywhere");
        assertEquals(0, xlsx[0] == 'P' && xlsx[1] == 'K' ? 0 : 1, "a zip (OOXML) file");
    }
}
