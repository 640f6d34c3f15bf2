package de.kielregion.kooperation.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label the templates use exists in German and in English; the two bundles have the same keys. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(
                new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
    }

    @Test
    void everyLabelInTheTemplatesExists() throws IOException {
        Properties de = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        Pattern label = Pattern.compile("ui\\.t\\('([^']+)'");
        Pattern value = Pattern.compile("ui\\.e\\('([^']+)', '([^']+)'\\)");
        int seen = 0;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(t);
                Matcher m = label.matcher(text);
                while (m.find()) {
                    seen++;
                    if (!de.containsKey(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher e = value.matcher(text);
                while (e.find()) {
                    if (!de.containsKey("enum." + e.group(1) + "." + e.group(2))) {
                        missing.add(t.getFileName() + ": enum." + e.group(1) + "." + e.group(2));
                    }
                }
            }
        }
        assertTrue(seen > 100, "the templates' labels were read (" + seen + ")");
        assertEquals(Set.of(), missing);
    }

    @Test
    void noTemplateWritesAGermanOrEnglishWordOutsideTheBundles() throws IOException {
        // Text between tags must come from {ui.t(...)} or data; a few words show a forgotten label.
        Pattern words = Pattern.compile(">\\s*(Projekte?|Partner|Speichern|Abbrechen|Save|Cancel|Status)\\s*<");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = words.matcher(Files.readString(t));
                assertTrue(!m.find(), t + " writes a label itself: " + (m.hitEnd() ? "" : m.group()));
            }
        }
    }
}
