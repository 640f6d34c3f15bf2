package de.kielregion.kooperation.e2e.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a browser test checks on every page it reads: axe-core's serious and critical violations
 * (WCAG 2.1 AA) and the errors of the browser's console, collected per page and asserted once at
 * the end of the test class (so that one run names every page with a problem).
 */
final class PageChecks {

    private final Map<String, List<String>> accessibility = new LinkedHashMap<>();
    private final Map<String, List<String>> console = new LinkedHashMap<>();

    /** Reads the page the browser shows now, under the name {@code page}. */
    void check(Browser browser, String page) {
        accessibility.put(page, browser.accessibilityProblems());
        // A page that is not found, or a form the service refused, answers 4xx on purpose (the browser
        // and scripts can tell), and the console notes the status of that page: no error of a page.
        // A file the page loads (a script, a style, an icon) that answers 4xx still is one.
        console.put(
                page,
                browser.consoleErrors().stream()
                        .filter(e -> !e.matches("\\S+/[^./\\s]*(\\?\\S*)? - Failed to load resource: the server"
                                + " responded with a status of 4\\d\\d.*"))
                        .toList());
    }

    /** No page had a violation or a console error, and at least {@code pages} pages were read. */
    void assertClean(int pages) {
        assertTrue(
                findings(accessibility).isEmpty(),
                "axe-core found serious or critical violations:\n" + String.join("\n", findings(accessibility)));
        assertTrue(accessibility.size() >= pages, "axe-core ran on every page: " + accessibility.keySet());
        assertTrue(
                findings(console).isEmpty(),
                "the browser's console reported errors:\n" + String.join("\n", findings(console)));
    }

    private static List<String> findings(Map<String, List<String>> perPage) {
        List<String> all = new ArrayList<>();
        perPage.forEach((page, problems) -> problems.forEach(p -> all.add(page + ": " + p)));
        return all;
    }
}
