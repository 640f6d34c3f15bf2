package de.kielregion.kooperation.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No CSV cell a spreadsheet would run as a formula; everything else as it is. */
class CsvExportTest {

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"name", "note", "amount"})
    record Row(String name, String note, Integer amount) {}

    @Test
    void formulaCellsAreNeutralised() {
        String csv = CsvExport.write(
                Row.class,
                List.of(
                        new Row("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", -5),
                        new Row("@SUM(A1)", "-2+3", 7),
                        new Row("\tTab", "\rCR", 0),
                        new Row("Kiel", "a=b, c", null)));
        assertEquals("""
                name,note,amount
                "'=HYPERLINK(""http://evil.example"",""x"")",'+1,-5
                '@SUM(A1),'-2+3,7
                '\tTab,"'\rCR",0
                Kiel,"a=b, c",
                """, csv);
    }
}
