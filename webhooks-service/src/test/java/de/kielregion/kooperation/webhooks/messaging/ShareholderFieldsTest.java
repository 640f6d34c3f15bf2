package de.kielregion.kooperation.webhooks.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.Shareholder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shareholder filter reads fixed field names of the events' data: every field of a contract
 * that names shareholders must be one of them, or a filtered subscription would miss its events.
 */
class ShareholderFieldsTest {

    @Test
    void everyShareholderFieldOfTheContractsIsOneTheFilterReads() throws Exception {
        List<String> found = new ArrayList<>();
        Path root = Path.of("..", "contracts", "src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> type = Class.forName(name);
                if (!type.isRecord()) {
                    continue;
                }
                for (RecordComponent c : type.getRecordComponents()) {
                    boolean one = c.getType() == Shareholder.class;
                    boolean many = c.getGenericType() instanceof ParameterizedType p
                            && p.getActualTypeArguments()[0] == Shareholder.class;
                    if (one || many) {
                        found.add(type.getSimpleName() + "." + c.getName());
                        assertTrue(
                                EventIntake.SHAREHOLDER_FIELDS.contains(c.getName()),
                                type.getSimpleName() + "." + c.getName() + " is not read by the shareholder filter");
                    }
                }
            }
        }
        assertTrue(found.size() >= 8, "the contracts' shareholder fields: " + found);
    }

    @Test
    void theFilterReadsSingleAndListFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertEquals(Set.of("KIEL"), EventIntake.shareholders(json.readTree("{\"shareholder\": \"KIEL\"}")));
        assertEquals(
                Set.of("KIEL", "PLOEN"),
                EventIntake.shareholders(json.readTree("{\"shareholders\": [\"KIEL\", \"PLOEN\"], \"x\": 1}")));
        assertEquals(Set.of("PLOEN"), EventIntake.shareholders(json.readTree("{\"holder\": \"PLOEN\"}")));
        assertEquals(Set.of(), EventIntake.shareholders(json.readTree("{\"shareholder\": null, \"id\": \"p\"}")));
    }
}
