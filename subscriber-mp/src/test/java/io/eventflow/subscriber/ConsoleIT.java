package io.eventflow.subscriber;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static io.eventflow.subscriber.TestEvents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real headless browser (Debian's chromium through its chromedriver, installed with
 * apt-get when missing and possible) against the real broker and PostgreSQL, with API keys on: the page loads,
 * takes a pasted key, shows a posted event's story after a search, requeues a failed event and redrives a
 * corrected dead letter by clicks. It leaves a screenshot in {@code target/console.png} (and refreshes
 * {@code docs/console.png} when {@code EVENTFLOW_UPDATE_SCREENSHOT=1}).
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(FlakyEnrichment.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.jobs.retries.default", value = "0")
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "console-operator:" + ConsoleIT.KEY + ",console-reader:"
        + ConsoleIT.READER_KEY + ":read")
class ConsoleIT {

    static final String KEY = "6b1f0c9e2d4a8b7c5e3f1a9d7b5c3e1f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b";
    static final String READER_KEY = "0f2e4d6c8b0a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e";
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String FAILING_CASE = "console-" + RUN;
    private static final UUID POISON_ID = UUID.randomUUID();
    private static final String POISON_KEY = "console-user-" + RUN;
    private static TestEvents events;
    private static UUID storyId;
    private static UUID failingId;
    private static WebDriver browser;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void startBrowserAndSendEvents() throws Exception {
        ensureBrowser();
        events = new TestEvents();
        FlakyEnrichment.failAlways(FAILING_CASE);
        storyId = events.analytics("console-reader-" + RUN, "page_view", "2024-01-01T12:00:00Z");
        failingId = events.chemical("mol-" + RUN, "Dr. Console", "{\"formula\":\"H2O\",\"case\":\""
                + FAILING_CASE + "\"}", "2024-01-01T12:00:00Z");
        events.send(POISON_KEY, analytics(POISON_ID, "2024-01-01 12:00"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1400,1700");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void showsAStoryRequeuesAFailedEventAndRedrivesACorrectedDeadLetterByClicks() throws Exception {
        URI base = target.getUri();
        browser.get(base.resolve("/console/").toString());
        assertThat(browser.getTitle()).isEqualTo("Eventflow console");
        byId("api-key").sendKeys(KEY);
        byId("use-key").click();
        assertThat(js("return sessionStorage.getItem('eventflow.apiKey')")).isEqualTo(KEY);

        // search: the story of a posted event, once it is processed
        byId("event-id").sendKeys(storyId.toString());
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            byId("search-button").click();
            return "completed".equals(text("#story dd[data-field='status']"));
        });
        assertThat(text("#story dd[data-field='event_id']")).isEqualTo(storyId.toString());
        assertThat(text("#story dd[data-field='type']")).isEqualTo("user_analytics");

        // requeue: the failed event is listed; once its cause is gone, one click completes it
        await().atMost(WAIT).until(() -> "failed".equals(status(failingId, "status")));
        FlakyEnrichment.heal(FAILING_CASE);
        By requeue = By.cssSelector("#failed-table tr[data-event-id='" + failingId + "'] button[name='requeue']");
        clickWhenShown(requeue);
        await().atMost(WAIT).until(() -> "completed".equals(status(failingId, "status")));

        // redrive: the poison record is listed; corrected in the editor (same event id), it is stored once
        By correct = By.cssSelector("#dlq-table tr[data-key='" + POISON_KEY + "'] button[name='edit']");
        clickWhenShown(correct);
        await().atMost(WAIT).until(() -> byId("editor").isDisplayed());
        WebElement editor = byId("editor-text");
        assertThat(editor.getAttribute("value")).contains(POISON_ID.toString());
        editor.clear();
        editor.sendKeys(analytics(POISON_ID, "2024-01-01T12:00:00Z"));
        byId("editor-send").click();
        await().atMost(WAIT).until(() -> "completed".equals(status(POISON_ID, "status")));
        assertThat(storedRows(POISON_ID)).isEqualTo(1);
        assertThat(byId("message").getText()).contains("Redrove corrected dead letter");

        screenshot();
    }

    @Test
    void servesThePageOpenlyButEveryApiCallNeedsAKeyWithTheRightScope() {
        assertThat(target.path("/console/").request().get().getStatus()).isEqualTo(200);
        assertThat(target.path("/console/console.js").request().get(String.class)).contains("sessionStorage");
        assertThat(target.path("/api/v1/overview").request().get().getStatus()).isEqualTo(401);
        assertThat(target.path("/api/v1/dead-letters").request().get().getStatus()).isEqualTo(401);
        assertThat(withKey("/api/v1/dead-letters", READER_KEY).get().getStatus()).isEqualTo(200);
        assertThat(withKey("/api/v1/dead-letters/redrive", READER_KEY).post(Entity.json("")).getStatus())
                .isEqualTo(403);
        assertThat(withKey("/api/v1/dead-letters/0-999999/redrive", READER_KEY).post(Entity.json("")).getStatus())
                .isEqualTo(403);

        await().atMost(WAIT).until(() -> "completed".equals(status(storyId, "status")));
        Map<?, ?> overview = withKey("/api/v1/overview", READER_KEY).get(Map.class);
        List<String> completedTypes = ((List<?>) overview.get("counts")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> "completed".equals(c.get("status"))).map(c -> String.valueOf(c.get("type"))).toList();
        assertThat(completedTypes).contains("user_analytics");
        assertThat(overview.keySet()).map(String::valueOf)
                .contains("generated_at", "recent_failures", "jobrunr_dashboard");
    }

    private Invocation.Builder withKey(String path, String key) {
        return target.path(path).request().header("X-API-Key", key);
    }

    private void clickWhenShown(By locator) {
        try {
            await().atMost(WAIT).ignoreExceptionsInstanceOf(NoSuchElementException.class).until(() -> {
                byId("refresh").click();
                try {
                    browser.findElement(locator).click();
                    return true;
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            // what the page showed says why: an API error in the message line, or what the tables held
            throw new AssertionError("Not shown: " + locator + "; message: " + byId("message").getText()
                    + "; dead letters: " + byId("dlq-table").getText() + "; failed: " + byId("failed-table").getText(), e);
        }
    }

    private void screenshot() throws IOException {
        byId("event-id").clear();
        byId("event-id").sendKeys(failingId.toString());
        byId("search-button").click();
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> "completed".equals(text("#story dd[data-field='status']")));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path kept = Path.of("target", "console.png");
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(kept)).isGreaterThan(10_000);
        if ("1".equals(System.getenv("EVENTFLOW_UPDATE_SCREENSHOT"))) {
            Files.copy(kept, Path.of("..", "docs", "console.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst().getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String analytics(UUID eventId, String timestamp) {
        return "{\"type\":\"user_analytics\",\"event_id\":\"" + eventId + "\",\"user_id\":\"" + POISON_KEY
                + "\",\"event_type\":\"click\",\"timestamp\":\"" + timestamp + "\",\"metadata\":{}}";
    }

    private static int storedRows(UUID eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM user_analytics_events WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Installs Debian's chromium and chromium-driver when missing (as root, non-interactive), else skips. */
    private static void ensureBrowser() throws Exception {
        if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
            return;
        }
        Path aptGet = Path.of("/usr/bin/apt-get");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root && Files.isExecutable(aptGet), "Skipped: chromium and chromium-driver are not installed and "
                + "apt-get cannot install them here (needs root on Debian); install them to run the console test");
        ProcessBuilder install = new ProcessBuilder(aptGet.toString(), "install", "-y", "-q", "chromium",
                "chromium-driver").redirectErrorStream(true).redirectOutput(Path.of("target", "apt-get.log").toFile());
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = install.start();
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        assumeTrue(done && process.exitValue() == 0 && Files.isExecutable(CHROMEDRIVER),
                "Skipped: apt-get could not install chromium and chromium-driver (see target/apt-get.log)");
    }
}
