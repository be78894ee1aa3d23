package io.jray.dashboard;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.dashboard.app.Adder;
import io.jray.dashboard.app.DashboardApplication;
import io.jray.dashboard.app.Sleeper;
import io.jray.dashboard.app.Tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium): every page loads without console errors and shows what it should, the
 * overview follows a running task without a reload, and a screenshot of each page is saved under
 * {@code target/screenshots}. Skipped (not passed) where no chromium is installed.
 */
class DashboardBrowserTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserOnDashboard session = new BrowserOnDashboard(1280, 800);

    private static RunningDashboard dashboard() {
        return session.dashboard();
    }

    private static ChromeDriver browser() {
        return session.browser();
    }


    /** Opens a page, checks its heading and that the console stayed clean, and saves a screenshot. */
    private static void open(String path, String heading, String screenshot) throws Exception {
        browser().get(dashboard().base() + path);
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(HeadlessChromium.consoleErrors(browser())).as("console errors on " + path).isEmpty();
        HeadlessChromium.screenshot(browser(), screenshot);
    }

    @Test
    void everyPageLoadsCleanlyAndShowsItsContent() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ActorHandle<Tally> tally = jray.actor(Tally.class).name("tally-browser").remote();
        assertThat(tally.task(Tally::add, 1).remote().get(TIMEOUT)).isEqualTo(1);
        ObjectRef<byte[]> kept = jray.put(new byte[3 << 20]);

        open("/jray", "Overview", "overview");
        assertThat(browser().findElement(By.cssSelector("[data-live=nodes]")).getText()).isEqualTo("1");
        open("/jray/nodes", "Nodes", "nodes");
        assertThat(browser().findElement(By.tagName("tbody")).getText()).contains(dashboard().nodeId(), "worker");
        open("/jray/actors", "Actors", "actors");
        assertThat(browser().findElement(By.tagName("tbody")).getText()).contains("tally-browser", "alive");
        new WebDriverWait(browser(), TIMEOUT).until(driver -> {
            driver.get(dashboard().base() + "/jray/objects");
            return driver.getPageSource().contains("3.0 MiB of");
        });
        open("/jray/objects", "Objects", "objects");
        assertThat(kept.isReady()).isTrue();

        ObjectRef<Integer> sum = jray.task(Adder::add, jray.task(Adder::add, 1, 2).remote(),
                jray.task(Adder::add, 3, 4).remote()).remote();
        assertThat(sum.get(TIMEOUT)).isEqualTo(10);
        open("/jray/dag?task=" + sum.id(), "DAG", "dag");
        assertThat(browser().findElements(By.cssSelector("g.vertex[data-task=true]"))).hasSize(3);
        assertThat(browser().findElement(By.className("caption")).getText()).startsWith("2 layers of tasks, depth 2");

        new WebDriverWait(browser(), TIMEOUT).until(driver -> {
            driver.get(dashboard().base() + "/jray/tasks");
            return driver.getPageSource().contains(sum.id());
        });
        open("/jray/tasks", "Tasks", "tasks");
        assertThat(browser().findElement(By.cssSelector("table.tasks tbody")).getText()).contains(sum.id(), "Adder#add");
        browser().findElement(By.linkText(sum.id())).click();
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Task " + sum.id());
        open("/jray/task?id=" + sum.id(), "Task " + sum.id(), "task");
        assertThat(browser().findElement(By.cssSelector("[data-state]")).getText()).isEqualTo("finished");
        assertThat(browser().findElements(By.cssSelector("ul.links li"))).hasSize(2);
        open("/jray/timeline?minutes=5", "Timeline", "timeline");
        assertThat(browser().findElements(By.cssSelector("svg.timeline-drawing rect.run"))).isNotEmpty();
        assertThat(browser().findElement(By.cssSelector("a.export")).getAttribute("href")).contains("timeline.json");
    }

    @Test
    void aTaskNoNodeCanRunShowsWhatItAsksForAndAnInfeasibleMarkBesideIt() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ObjectRef<Integer> gpu = jray.task(Adder::add, 1, 1)
                .options(TaskOptions.builder().resource("gpu", 1).build()).remote();
        new WebDriverWait(browser(), TIMEOUT).until(driver -> {
            driver.get(dashboard().base() + "/jray/task?id=" + gpu.id());
            return !driver.findElements(By.cssSelector("[data-infeasible]")).isEmpty();
        });
        open("/jray/task?id=" + gpu.id(), "Task " + gpu.id(), "task-infeasible");

        WebElement mark = browser().findElement(By.cssSelector("[data-infeasible]"));
        WebElement cell = mark.findElement(By.xpath("./ancestor::td"));
        WebElement shape = cell.findElement(By.tagName("code"));
        assertThat(shape.getText()).isEqualTo("cpu=1,gpu=1");
        assertThat(mark.isDisplayed()).isTrue();
        assertThat(mark.getText()).isEqualTo("infeasible: no live node offers it");
        Rectangle markBox = mark.getRect();
        Rectangle cellBox = cell.getRect();
        Rectangle shapeBox = shape.getRect();
        assertThat(markBox.getX()).as("the mark starts after the shape").isGreaterThanOrEqualTo(shapeBox.getX()
                + shapeBox.getWidth());
        assertThat(markBox.getX() + markBox.getWidth()).as("the mark ends inside its cell")
                .isLessThanOrEqualTo(cellBox.getX() + cellBox.getWidth());
        assertThat(markBox.getY() + markBox.getHeight()).isLessThanOrEqualTo(cellBox.getY() + cellBox.getHeight());
        assertThat(mark.getCssValue("color")).as("drawn in the colour of failures").isEqualTo("rgba(170, 51, 51, 1)");
        jray.cancel(gpu);
    }

    @Test
    void theTaskPageFollowsItsStateWithoutAReload() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 3000L).remote();
        new WebDriverWait(browser(), TIMEOUT).until(driver -> {
            driver.get(dashboard().base() + "/jray/task?id=" + slow.id());
            return driver.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().contains(slow.id()));
        });
        ((JavascriptExecutor) browser()).executeScript("window.sameDocument = true;");
        By state = By.cssSelector("[data-state]");
        assertThat(browser().findElement(state).getText()).isIn("queued", "running");

        assertThat(slow.get(TIMEOUT)).isEqualTo(3000L);
        // why: the task's part of the page is replaced once it ends, under a reference just found
        WebDriverWait inPlace = new WebDriverWait(browser(), TIMEOUT);
        inPlace.ignoring(StaleElementReferenceException.class);
        inPlace.until(driver -> "finished".equals(driver.findElement(state).getText()));
        inPlace.until(driver -> driver.findElements(By.cssSelector("table.log tr.log-out"))
                .stream().anyMatch(row -> row.getText().contains("slept 3000 ms")));
        assertThat(browser().findElement(By.cssSelector("code.preview")).getText()).as("its result, read in place")
                .isEqualTo("3000");
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
    }

    @Test
    void aFailedTasksPageDrawsItsLogInsideItsBoxAndLinksToItFromTheError() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ObjectRef<Integer> empty = jray.task(Adder::countLoudly, "").remote();
        assertThat(catchThrowable(() -> empty.get(TIMEOUT))).isNotNull();
        open("/jray/task?id=" + empty.id(), "Task " + empty.id(), "task-failed");

        WebElement box = browser().findElement(By.className("log-box"));
        Rectangle boxRect = box.getRect();
        List<WebElement> rows = box.findElements(By.cssSelector("tr"));
        assertThat(rows).extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("nothing to count"))
                .anySatisfy(t -> assertThat(t).contains("giving up on an empty text"));
        for (WebElement row : rows) {
            Rectangle r = row.getRect();
            assertThat(r.getX()).isGreaterThanOrEqualTo(boxRect.getX());
            assertThat(r.getX() + r.getWidth()).as("row '%s' ends inside the log's box", row.getText())
                    .isLessThanOrEqualTo(boxRect.getX() + boxRect.getWidth());
        }
        assertThat(((JavascriptExecutor) browser()).executeScript(
                "var b = document.querySelector('.log-box'); return b.scrollWidth <= b.clientWidth;"))
                .as("no line runs out sideways: long lines wrap").isEqualTo(true);
        WebElement stderr = box.findElement(By.cssSelector("tr.log-err td.log-source"));
        assertThat(stderr.getCssValue("color")).as("stderr in the colour of failures").isEqualTo("rgba(170, 51, 51, 1)");

        browser().findElement(By.cssSelector("a[data-error-log]")).click();
        new WebDriverWait(browser(), TIMEOUT).until(driver -> driver.getCurrentUrl().endsWith("#log"));
        Rectangle heading = browser().findElement(By.id("log")).getRect();
        long scrolled = ((Number) ((JavascriptExecutor) browser()).executeScript("return window.scrollY;")).longValue();
        assertThat(scrolled).as("the link scrolls to the log").isPositive();
        assertThat(heading.getY() - scrolled).isBetween(-5L, 60L);
        HeadlessChromium.screenshot(browser(), "task-log");
    }

    @Test
    void theDagColoursItsTasksAsTheyFinishWithoutAReload() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 4000L).remote();
        ObjectRef<Long> end = jray.task(Sleeper::echo, slow).remote();

        open("/jray/dag?task=" + end.id(), "DAG", "dag-live");
        ((JavascriptExecutor) browser()).executeScript("window.sameDocument = true;");
        By endVertex = By.cssSelector("g.vertex[data-id='" + end.id() + "']");
        assertThat(browser().findElement(endVertex).getAttribute("data-state")).isIn("W", "Q");

        assertThat(end.get(TIMEOUT)).isEqualTo(4000L);
        new WebDriverWait(browser(), TIMEOUT).until(driver -> "F".equals(driver.findElement(endVertex)
                .getAttribute("data-state")));
        assertThat(browser().findElement(endVertex).getAttribute("class")).contains("state-F");
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
    }

    @Test
    void theJobsPageLeadsToAJobsWholeGraphWhichFollowsItsTasksAndGrowsWithTheJob() throws Exception {
        try (ConfigurableApplicationContext driver = new SpringApplicationBuilder(DashboardApplication.class)
                .web(WebApplicationType.NONE).properties(dashboard().clusterProperties())
                .properties("jray.dashboard().enabled=false").run()) {
            JRay jray = driver.getBean(JRay.class);
            ObjectRef<Long> slow = jray.task(Sleeper::sleep, 3000L).remote();
            ObjectRef<Long> end = jray.task(Sleeper::echo, slow).remote();
            String job = end.id().substring(0, end.id().indexOf('/'));

            new WebDriverWait(browser(), TIMEOUT).until(driver2 -> {
                driver2.get(dashboard().base() + "/jray/jobs");
                return !driver2.findElements(By.cssSelector("tr[data-job='" + job + "']")).isEmpty();
            });
            open("/jray/jobs", "Jobs", "jobs");
            assertThat(browser().findElement(By.cssSelector("tr[data-job='" + job + "']")).getText()).contains(job,
                    "running");
            browser().findElement(By.cssSelector("tr[data-job='" + job + "'] a.dag-link")).click();
            assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("DAG");
            ((JavascriptExecutor) browser()).executeScript("window.sameDocument = true;");
            By endVertex = By.cssSelector("g.vertex[data-id='" + end.id() + "']");
            assertThat(browser().findElements(By.cssSelector("g.vertex[data-task=true]"))).hasSize(2);
            assertThat(browser().findElement(endVertex).getAttribute("data-state")).isIn("W", "Q");

            assertThat(end.get(TIMEOUT)).isEqualTo(3000L);
            new WebDriverWait(browser(), TIMEOUT).until(driver2 -> "F".equals(driver2.findElement(endVertex)
                    .getAttribute("data-state")));

            ObjectRef<Long> later = jray.task(Sleeper::echo, jray.task(Sleeper::echo, end).remote()).remote();
            assertThat(later.get(TIMEOUT)).isEqualTo(3000L);
            WebDriverWait grown = new WebDriverWait(browser(), TIMEOUT);
            grown.ignoring(StaleElementReferenceException.class);
            grown.until(driver2 -> driver2.findElements(By.cssSelector("g.vertex[data-task=true]")).size() == 4
                    && "F".equals(driver2.findElement(By.cssSelector("g.vertex[data-id='" + later.id() + "']"))
                            .getAttribute("data-state")));
            assertThat(browser().findElement(By.cssSelector("[data-dag-caption]")).getText())
                    .as("the caption follows the graph").startsWith("4 layers of tasks");
            assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                    .as("the page was not reloaded").isEqualTo(true);
            HeadlessChromium.screenshot(browser(), "dag-job");
        }
    }

    @Test
    void pagesLeftForOthersGiveBackTheirLiveStreams() throws Exception {
        JRay jray = dashboard().context().getBean(JRay.class);
        ObjectRef<Integer> sum = jray.task(Adder::add, 1, 2).remote();
        assertThat(sum.get(TIMEOUT)).isEqualTo(3);
        // why: a browser opens six connections to a server; streams kept by pages left behind would stall the seventh page
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            browser().get(dashboard().base() + (i % 3 == 0 ? "/jray" : i % 3 == 1 ? "/jray/dag?task=" + sum.id()
                    : "/jray/task?id=" + sum.id()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("page %d of a row of live pages", i + 1)
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theOverviewFollowsARunningTaskWithoutAReload() throws Exception {
        open("/jray", "Overview", "overview-live");
        ((JavascriptExecutor) browser()).executeScript("window.sameDocument = true;");
        JRay jray = dashboard().context().getBean(JRay.class);

        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 4000L).remote();

        new WebDriverWait(browser(), TIMEOUT).until(driver -> "1".equals(
                driver.findElement(By.cssSelector("[data-live=running]")).getText()));
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        assertThat(slow.get(TIMEOUT)).isEqualTo(4000L);
        new WebDriverWait(browser(), TIMEOUT).until(driver -> "0".equals(
                driver.findElement(By.cssSelector("[data-live=running]")).getText()));
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                .as("still the same page").isEqualTo(true);
    }
}
