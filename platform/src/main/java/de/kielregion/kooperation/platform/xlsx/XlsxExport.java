package de.kielregion.kooperation.platform.xlsx;

import de.kielregion.kooperation.platform.csv.CsvExport;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Every XLSX export of the services (the spreadsheets KielRegion's staff pass on, as Jems offers
 * them): one sheet, a bold header row that stays in view, one column per component of the row
 * record. Numbers are number cells and dates date cells; text is never a formula: a text cell
 * gets the same neutralisation as in the CSV exports ({@link CsvExport#neutralise}).
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {}

    /** The rows (records of {@code rowType}) as a workbook with one sheet named {@code sheet}. */
    public static <T extends Record> byte[] write(String sheet, Class<T> rowType, List<T> rows) {
        RecordComponent[] columns = rowType.getRecordComponents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Ostsee-Kooperation", "1.0");
            Worksheet ws = workbook.newWorksheet(sheet);
            for (int c = 0; c < columns.length; c++) {
                ws.value(0, c, columns[c].getName());
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.length; c++) {
                    cell(ws, r + 1, c, columns[c].getAccessor().invoke(rows.get(r)));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("XLSX export of " + rowType.getSimpleName() + " failed", e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("XLSX export of " + rowType.getSimpleName() + " failed", e);
        }
        return out.toByteArray();
    }

    /** The workbook as a download named {@code filename}. */
    public static Response attachment(byte[] xlsx, String filename) {
        return Response.ok(xlsx, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static void cell(Worksheet ws, int r, int c, Object value) {
        switch (value) {
            case null -> {}
            case Number n -> ws.value(r, c, n);
            case Boolean b -> ws.value(r, c, b);
            case LocalDate d -> {
                ws.value(r, c, d);
                ws.style(r, c).format("yyyy-mm-dd").set();
            }
            default -> ws.value(r, c, CsvExport.neutralise(value.toString()));
        }
    }
}
