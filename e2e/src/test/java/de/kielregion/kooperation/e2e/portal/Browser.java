package de.kielregion.kooperation.e2e.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (the system's package, never a downloaded browser) with its own
 * profile, i.e. its own cookies: one signed-in person. Fails with a clear message when
 * Chromium or its driver is missing; never skips. A closed browser's Chromium is kept and handed
 * to the next test of the same language with nothing of the last person left (cookies, storage,
 * cache, console, windows): starting a Chromium took ~1.5 s, and the suite opens about 60.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * How often a wait looks again: Selenium's default of 500 ms cost a quarter of a second on
     * average on each of the many waits that do not hold at once (a live update, a redirect).
     */
    private static final Duration POLL = Duration.ofMillis(100);

    /** Whether {@link #keep} also takes a screenshot ({@code -De2e.screenshots=true}; the HTML is always kept). */
    private static final boolean SCREENSHOTS = Boolean.getBoolean("e2e.screenshots");

    private static final String[] CHROMIUM = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"
    };
    private static final String[] DRIVER = {"/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"};

    private static final java.util.concurrent.atomic.AtomicInteger CLOSED =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The origins whose storage a browser handed on is cleared of: the portals' and Keycloak's. */
    private static final java.util.Set<String> ORIGINS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Chromium processes of closed browsers whose person was still signed in, by language and
     * user: {@link #login} takes one of these instead of signing in again at Keycloak (about two
     * seconds each, some 50 times in a run).
     */
    private static final java.util.Map<String, java.util.Deque<Browser.Chromium>> SIGNED_IN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Chromium processes of closed browsers, by language, waiting for the next test. */
    private static final java.util.Map<String, java.util.Deque<Browser.Chromium>> IDLE =
            new java.util.concurrent.ConcurrentHashMap<>();

    static {
        // All at once, a thread each: each quit waits for its Chromium to exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<Thread> quitting = java.util.stream.Stream.concat(IDLE.values().stream(), SIGNED_IN.values().stream())
                    .flatMap(java.util.Collection::stream)
                    .map(chromium -> Thread.ofPlatform().start(chromium::quit))
                    .toList();
            for (Thread t : quitting) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }));
    }

    /** A running Chromium with its driver and profile directory. */
    private record Chromium(ChromeDriver driver, Path profile) {
        boolean alive() {
            try {
                driver.getWindowHandle();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        void quit() {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // gone already
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            } catch (java.io.IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }

    ChromeDriver driver;
    WebDriverWait wait;
    final String portal;
    private final String language;
    private Path profile;
    /** Whose portal session this browser has (null: nobody's). */
    private String signedInAs;

    Browser(String portal, String language) {
        this.portal = portal;
        this.language = language;
        Chromium idle = IDLE.computeIfAbsent(language, l -> new java.util.concurrent.ConcurrentLinkedDeque<>())
                .pollFirst();
        while (idle != null && !idle.alive()) {
            idle.quit();
            idle = IDLE.get(language).pollFirst();
        }
        if (idle != null) {
            driver = idle.driver();
            profile = idle.profile();
            wait = waiting(driver);
            return;
        }
        String chromium = find(CHROMIUM, "CHROMIUM_BIN", "Chromium (apt-get install chromium)");
        String chromedriver = find(DRIVER, "CHROMEDRIVER_BIN", "ChromeDriver (apt-get install chromium-driver)");
        try {
            profile = Files.createTempDirectory("ostsee-chromium-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs); // the console, for consoleErrors()
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1280,1000",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = waiting(driver);
    }

    /**
     * What the browser's console reported as an error since the last call (a Content-Security-Policy
     * violation, a resource that answered 4xx/5xx, a script error).
     */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
    }

    private static WebDriverWait waiting(ChromeDriver driver) {
        return new WebDriverWait(driver, WAIT, POLL);
    }

    /**
     * Saves the current page's HTML under target/e2e-logs/pages, and a screenshot with {@code
     * -De2e.screenshots=true} (a PNG on every browser's close cost some ten seconds a run).
     */
    void keep(String name) {
        try {
            Path dir = Path.of("target", "e2e-logs", "pages");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            if (SCREENSHOTS) {
                Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
        } catch (Exception e) {
            // best effort: the failure itself is reported by the test
        }
    }

    private static String find(String[] candidates, String variable, String what) {
        String configured = System.getenv(variable);
        if (configured != null && new File(configured).canExecute()) {
            return configured;
        }
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        fail(what + " is missing: the portal's browser tests need the system's " + what + " (or set " + variable
                + "). .ci/run installs it when missing.");
        return null;
    }

    /**
     * Opens the portal signed in as {@code user}: with the session of an earlier test of the same
     * person and language when one is left (the portal's start page shows the person), else by
     * {@link #loginAtKeycloak}.
     */
    Browser login(String user, String password) {
        java.util.Deque<Chromium> kept = SIGNED_IN.get(language + "|" + user);
        Chromium chromium = kept == null ? null : kept.pollFirst();
        while (chromium != null && !chromium.alive()) {
            chromium.quit();
            chromium = kept.pollFirst();
        }
        if (chromium == null) {
            return loginAtKeycloak(user, password);
        }
        IDLE.get(language).addFirst(new Chromium(driver, profile)); // the clean one, for the next test
        driver = chromium.driver();
        profile = chromium.profile();
        wait = waiting(driver);
        driver.get(portal + "/");
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=user]")).isEmpty()
                || !d.findElements(By.id("username")).isEmpty());
        if (driver.findElements(By.cssSelector("[data-testid=user]")).isEmpty()) {
            return signIn(user, password); // the session ended meanwhile (logged out, expired)
        }
        signedInAs = user;
        return this;
    }

    /** Opens the portal, logs in on Keycloak's own login page, and waits until back on the portal. */
    Browser loginAtKeycloak(String user, String password) {
        driver.get(portal + "/");
        return signIn(user, password);
    }

    /** Signs in on Keycloak's login page, where the portal sent the browser. */
    private Browser signIn(String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(
                driver.getCurrentUrl().contains("/realms/ostsee/"),
                "the login happens at Keycloak: " + driver.getCurrentUrl());
        ORIGINS.add(java.net
                .URI
                .create(driver.getCurrentUrl())
                .resolve("/")
                .toString()
                .replaceAll("/$", ""));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(portal));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=user]")));
        signedInAs = user;
        return this;
    }

    Browser open(String path) {
        driver.get(portal + path);
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text; waits for it, and reads again if a live update replaced it meanwhile. */
    String text(String css) {
        return wait.until(d -> {
            try {
                return d.findElement(By.cssSelector(css)).getText();
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (replaced(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** An attribute of the element matching {@code css} (null if it has none), read again if a live update replaced it meanwhile. */
    String attribute(String css, String name) {
        String[] value = new String[1];
        retrying(() -> value[0] = find(css).getDomAttribute(name));
        return value[0];
    }

    /** The texts of all elements matching {@code css}, read again if a live update replaced them meanwhile. */
    List<String> texts(String css) {
        return wait.until(d -> {
            try {
                return d.findElements(By.cssSelector(css)).stream()
                        .map(WebElement::getText)
                        .toList();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (replaced(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /**
     * An attribute of all elements matching {@code css}, as the page has it now: read in the page by
     * one script (one WebDriver call instead of one per element; nothing can be replaced between them).
     */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String attribute) {
        return wait.until(d -> (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.getAttribute(arguments[1]));",
                css,
                attribute));
    }

    /** Types into a field (cleared first). */
    Browser type(String css, String value) {
        retrying(() -> {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(value);
        });
        return this;
    }

    /**
     * Picks a day in a date field. Typing into one depends on the browser's locale (the order of
     * day, month and year), so the value is set as the date picker sets it, with its input event.
     */
    Browser date(String css, java.time.LocalDate day) {
        retrying(() -> driver.executeScript(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                find(css),
                day.toString()));
        return this;
    }

    /** Chromium reports an element of a replaced page either as stale or as not belonging to the document. */
    private static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
    }

    /** Has the page this element belonged to been replaced? */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (replaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Runs a step again (three times at most) when the element it found was replaced meanwhile,
     * e.g. by a live update of the page: the step's intent, not a timing, is what is tested.
     */
    private static void retrying(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || !replaced(e)) {
                    throw e;
                }
            }
        }
    }

    /** Chooses the option with this visible text in a select. */
    Browser choose(String css, String visibleText) {
        retrying(() -> new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(visibleText));
        return this;
    }

    /**
     * Moves the keyboard focus with Tab (no mouse) until it is on the element {@code css} names;
     * fails when 150 presses do not reach it (it is not in the tab order).
     */
    Browser tabTo(String css) {
        for (int i = 0; i < 150; i++) {
            Object reached = driver.executeScript(
                    "return document.activeElement !== null && document.activeElement.matches(arguments[0]);", css);
            if (Boolean.TRUE.equals(reached)) {
                return this;
            }
            new org.openqa.selenium.interactions.Actions(driver)
                    .sendKeys(org.openqa.selenium.Keys.TAB)
                    .perform();
        }
        throw new AssertionError(css + " is not reached with the Tab key");
    }

    /** Types into the focused element, as a keyboard does. */
    Browser keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses Enter on the focused link or button and waits for the next page to load. */
    Browser enter() {
        WebElement old = find("html");
        keys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> gone(old));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** Clicks a button that asks first (data-confirm), says yes, and waits for the next page to load. */
    Browser confirm(String css) {
        WebElement old = find("html");
        find(css).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> gone(old));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** Clicks and waits for the next page to load. */
    Browser submit(String css) {
        WebElement[] old = new WebElement[1];
        retrying(() -> {
            old[0] = find("html");
            find(css).click();
        });
        wait.until(d -> gone(old[0]));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** axe-core on the current page: the serious and critical violations (rule: nodes). */
    List<String> accessibilityProblems() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .limit(3)
                                .toList());
            }
        }
        return problems;
    }

    ChromeDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        // The last page of every browser is kept, so a failed assertion can be read afterwards.
        keep(String.format("%03d-last", CLOSED.incrementAndGet()));
        Chromium chromium = new Chromium(driver, profile);
        try {
            // Nothing of this person for the next one: one window on a blank page, no cookies
            // (Keycloak's and the portal's sessions), no storage or cache, the console read empty.
            String first = driver.getWindowHandles().iterator().next();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(first)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(first);
            driver.get("about:blank");
            // A signed-in person keeps the session cookies (Keycloak's and the portal's), and
            // nothing else, for the next test of the same person.
            if (signedInAs == null) {
                driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            }
            driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
            ORIGINS.add(java.net.URI.create(portal).resolve("/").toString().replaceAll("/$", ""));
            String storage = signedInAs == null ? "all" : "local_storage,indexeddb,cache_storage,service_workers";
            for (String origin : ORIGINS) {
                driver.executeCdpCommand(
                        "Storage.clearDataForOrigin", java.util.Map.of("origin", origin, "storageTypes", storage));
            }
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            consoleErrors();
            if (signedInAs == null) {
                IDLE.get(language).addLast(chromium);
            } else {
                SIGNED_IN
                        .computeIfAbsent(
                                language + "|" + signedInAs, k -> new java.util.concurrent.ConcurrentLinkedDeque<>())
                        .addLast(chromium);
            }
        } catch (RuntimeException e) {
            chromium.quit(); // an alert left open, a crashed tab: not handed on
        }
    }
}
