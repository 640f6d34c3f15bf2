package de.kielregion.kooperation.platform.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.util.List;

/**
 * Every CSV export of the services: a header line, values quoted only where CSV needs it,
 * and no cell that a spreadsheet would run as a formula (OWASP "CSV injection"): a text cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe.
 */
public final class CsvExport {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .addModule(new SimpleModule("formula-safe-csv").addSerializer(String.class, new FormulaSafe()))
            .build();

    private CsvExport() {}

    /** The rows (records of {@code rowType}, one column per component) as CSV with a header. */
    public static <T> String write(Class<T> rowType, List<T> rows) {
        try {
            return CSV.writer(CSV.schemaFor(rowType).withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV export of " + rowType.getSimpleName() + " failed", e);
        }
    }

    /** The text as a spreadsheet shows it, never as a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private static final class FormulaSafe extends StdSerializer<String> {

        FormulaSafe() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(neutralise(value));
        }
    }
}
