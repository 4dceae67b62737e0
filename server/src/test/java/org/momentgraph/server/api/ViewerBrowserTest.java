package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.server.testing.Videos;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer page in a real headless Chromium (Debian's chromium + chromium-driver): search,
 * moments on timelines, the relation graph drawn by the bundled Cytoscape.js. Skipped only when
 * the browser is not installed (CI installs it).
 */
class ViewerBrowserTest extends ApiTestBase {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void searchShowsMomentsAndTheGraphOfASelectedMoment() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromium-driver are not installed");
        for (var v : List.of(Videos.video("kitchen", 20.0, "person", "cup", "table"),
                Videos.video("park", 12.0, "dog", "person"))) {
            assertThat(post("/v1/videos", addRequest(v)).statusCode()).isEqualTo(201);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                // any request that is not to this machine fails: the page must need nothing from outside
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(driverService, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            JavascriptExecutor js = browser;
            browser.get(server.url());
            assertThat(browser.getTitle()).isEqualTo("MomentGraph");
            browser.findElement(By.id("query")).sendKeys("a person holds a cup");
            browser.findElement(By.id("k")).clear();
            browser.findElement(By.id("k")).sendKeys("30");
            browser.findElement(By.id("search-button")).click();

            wait.until(d -> d.findElements(By.cssSelector("svg.timeline rect.moment")).size() > 0);
            List<WebElement> rows = browser.findElements(By.cssSelector(".video-row"));
            assertThat(rows).extracting(r -> r.getAttribute("data-video")).containsExactly("kitchen", "park");
            assertThat(browser.findElement(By.id("status")).getText()).contains("moments found");

            // the top moment is selected on its own; its grounded query graph is drawn
            wait.until(d -> nodeCount(js) > 0);
            assertThat(browser.findElement(By.id("graph-caption")).getText()).startsWith("kitchen");
            assertThat(browser.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
            assertThat(objectLabels(js)).containsExactlyInAnyOrder("person", "cup");

            // selecting a moment of the other video redraws the graph for it
            rows.get(1).findElement(By.cssSelector("rect.moment")).click();
            wait.until(d -> d.findElement(By.id("graph-caption")).getText().startsWith("park"));
            wait.until(d -> objectLabels(js).equals(List.of("person")));
            assertThat(browser.findElements(By.cssSelector("rect.moment.selected"))).hasSize(1);

            Object external = js.executeScript("return performance.getEntriesByType('resource')"
                    + ".map(e => e.name).filter(n => !n.startsWith(location.origin));");
            assertThat((List<?>) external).isEmpty();

            Path shot = Path.of("target", "viewer-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    private static long nodeCount(JavascriptExecutor js) {
        Object n = js.executeScript("const cy = window.momentGraphViewer.state.cy; return cy ? cy.nodes().length : 0;");
        return ((Number) n).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> objectLabels(JavascriptExecutor js) {
        return (List<String>) js.executeScript("const cy = window.momentGraphViewer.state.cy;"
                + " return cy ? cy.nodes('[kind = \"object\"]').map(n => n.data('label')) : [];");
    }
}
