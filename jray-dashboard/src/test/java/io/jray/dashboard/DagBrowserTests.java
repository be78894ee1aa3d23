package io.jray.dashboard;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.dashboard.app.Adder;
import io.jray.dashboard.app.Sleeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * What the DAG page draws, read in a real headless Chromium: for the tutorial's chain and tree and
 * for reduces of 31, 1,023 and 4,095 tasks, every box's bounding box as laid out on the screen,
 * none overlapping another, every label inside its box; a folded group that expands; a group's
 * counts that follow its tasks without a reload. Screenshots go to {@code target/screenshots}.
 * Skipped (not passed) where no chromium is installed.
 */
class DagBrowserTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Each box's rectangle and its texts' rectangles, as the browser laid them out. */
    private static final String READ_BOXES = """
            return Array.from(document.querySelectorAll('svg.dag-drawing g.vertex')).map(function (g) {
                function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
                return { key: g.getAttribute('data-id') || g.getAttribute('data-group'),
                         task: g.getAttribute('data-task') === 'true',
                         rect: box(g.querySelector('rect')),
                         texts: Array.from(g.querySelectorAll('text')).map(box) };
            });""";

    @RegisterExtension
    static final BrowserOnDashboard session = new BrowserOnDashboard(1400, 900);

    private static RunningDashboard dashboard() {
        return session.dashboard();
    }

    private static ChromeDriver browser() {
        return session.browser();
    }

    private static JRay jray() {
        return dashboard().context().getBean(JRay.class);
    }

    /** A reduce of {@code leaves} tasks pairwise up to one: 2 * leaves - 1 tasks. */
    private static ObjectRef<Integer> reduce(int leaves) {
        List<ObjectRef<Integer>> layer = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            layer.add(jray().task(Adder::add, i, 1).remote());
        }
        while (layer.size() > 1) {
            List<ObjectRef<Integer>> next = new ArrayList<>();
            for (int i = 0; i < layer.size(); i += 2) {
                next.add(jray().task(Adder::add, layer.get(i), layer.get(i + 1)).remote());
            }
            layer = next;
        }
        return layer.getFirst();
    }

    /** Opens a graph's page, checks what is drawn, and returns the boxes read. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> openAndCheck(String path, String screenshot) throws Exception {
        browser().get(dashboard().base() + path);
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("DAG");
        assertThat(HeadlessChromium.consoleErrors(browser())).as("console errors on %s", path).isEmpty();
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) ((JavascriptExecutor) browser())
                .executeScript(READ_BOXES);
        assertThat(boxes).isNotEmpty();
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = rect(boxes.get(i).get("rect"));
            for (Object text : (List<Object>) boxes.get(i).get("texts")) {
                double[] t = rect(text);
                assertThat(t[0] >= a[0] - 0.5 && t[1] >= a[1] - 0.5 && t[2] <= a[2] + 0.5 && t[3] <= a[3] + 0.5)
                        .as("a label of %s stays inside its box on %s: text %s, box %s", boxes.get(i).get("key"), path,
                                List.of(t[0], t[1], t[2], t[3]), List.of(a[0], a[1], a[2], a[3]))
                        .isTrue();
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = rect(boxes.get(j).get("rect"));
                boolean apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assertThat(apart).as("%s and %s overlap on %s", boxes.get(i).get("key"), boxes.get(j).get("key"), path)
                        .isTrue();
            }
        }
        HeadlessChromium.screenshot(browser(), screenshot);
        return boxes;
    }

    @SuppressWarnings("unchecked")
    private static double[] rect(Object values) {
        List<Number> r = (List<Number>) values;
        return new double[] { r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(),
                r.get(3).doubleValue() };
    }

    /** How many task boxes each distinct left edge has, left to right: the drawing's layers of tasks. */
    private static List<Long> taskColumns(List<Map<String, Object>> boxes) {
        return boxes.stream().filter(b -> Boolean.TRUE.equals(b.get("task")))
                .collect(Collectors.groupingBy(b -> Math.round(rect(b.get("rect"))[0]),
                        TreeMap::new, Collectors.counting()))
                .values().stream().toList();
    }

    @Test
    void theTutorialsAggregationsReadAsAChainOfSevenAndATreeOfDepthThree() throws Exception {
        Deque<ObjectRef<Integer>> chain = new ArrayDeque<>();
        Deque<ObjectRef<Integer>> tree = new ArrayDeque<>();
        for (int i = 1; i <= 8; i++) {
            chain.add(jray().put(i));
            tree.add(jray().put(i));
        }
        while (chain.size() > 1) {
            chain.addFirst(jray().task(Adder::add, chain.pollFirst(), chain.pollFirst()).remote());
        }
        while (tree.size() > 1) {
            tree.addLast(jray().task(Adder::add, tree.pollFirst(), tree.pollFirst()).remote());
        }
        assertThat(chain.getFirst().get(TIMEOUT)).isEqualTo(36);
        assertThat(tree.getFirst().get(TIMEOUT)).isEqualTo(36);
        List<Map<String, Object>> linear = openAndCheck("/jray/dag?task=" + chain.getFirst().id(), "dag-linear");
        assertThat(linear).hasSize(15);
        assertThat(taskColumns(linear)).as("7 adds one after another").containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(browser().findElement(By.className("caption")).getText()).startsWith("7 layers of tasks, depth 7");

        List<Map<String, Object>> balanced = openAndCheck("/jray/dag?task=" + tree.getFirst().id(), "dag-tree");
        assertThat(balanced).hasSize(15);
        assertThat(taskColumns(balanced)).as("4, 2 and 1 adds").containsExactly(4L, 2L, 1L);
        assertThat(browser().findElement(By.className("caption")).getText()).startsWith("3 layers of tasks, depth 3");
    }

    @Test
    void aReduceOf31TasksIsDrawnWholeAndLegible() throws Exception {
        ObjectRef<Integer> end = reduce(16);
        assertThat(end.get(TIMEOUT)).isEqualTo(16 * 15 / 2 + 16);
        List<Map<String, Object>> boxes = openAndCheck("/jray/dag?task=" + end.id(), "dag-reduce-31");
        assertThat(boxes).hasSize(31);
        assertThat(taskColumns(boxes)).containsExactly(16L, 8L, 4L, 2L, 1L);
    }

    @Test
    void reducesOf1023And4095TasksFoldIntoGroupsThatExpand() throws Exception {
        ObjectRef<Integer> thousand = reduce(512);
        ObjectRef<Integer> fourThousand = reduce(2048);
        assertThat(thousand.get(TIMEOUT)).isEqualTo(511 * 512 / 2 + 512);
        assertThat(fourThousand.get(TIMEOUT)).isEqualTo(2047 * 2048 / 2 + 2048);

        List<Map<String, Object>> folded = openAndCheck("/jray/dag?task=" + thousand.id(), "dag-1023");
        assertThat(folded).hasSize(10);
        assertThat(browser().findElement(By.cssSelector("g.group text.counts")).getText()).endsWith("finished");

        browser().findElement(By.cssSelector("g.group[data-group$='@8']")).click();
        new WebDriverWait(browser(), TIMEOUT).until(driver -> driver.getCurrentUrl().contains("expand="));
        List<Map<String, Object>> expanded = openAndCheck(browser().getCurrentUrl().substring(dashboard().base().length()),
                "dag-1023-expanded");
        assertThat(expanded).as("the 4 tasks at depth 8 one by one, 9 boxes else").hasSize(13);
        assertThat(((JavascriptExecutor) browser()).executeScript("""
                var frame = document.querySelector('.dag').getBoundingClientRect();
                var first = document.querySelector('g.vertex[data-id][data-in$="@8"] rect').getBoundingClientRect();
                return first.left >= frame.left && first.right <= frame.right
                    && first.top >= frame.top && first.bottom <= frame.bottom;"""))
                .as("the expanded group's first task is scrolled into view").isEqualTo(true);

        Object millis = ((JavascriptExecutor) browser()).executeScript("""
                var start = performance.now();
                var request = new XMLHttpRequest();
                request.open('GET', arguments[0], false);
                request.send();
                var doc = new DOMParser().parseFromString(request.responseText, 'text/html');
                document.body.replaceWith(document.adoptNode(doc.body));
                document.body.getBoundingClientRect();
                return performance.now() - start;""", "/jray/dag?task=" + fourThousand.id());
        assertThat(((Number) millis).doubleValue()).as("ms to fetch and draw the folded 4,095-task graph")
                .isLessThan(1000);
        List<Map<String, Object>> large = openAndCheck("/jray/dag?task=" + fourThousand.id(), "dag-4095");
        JavascriptExecutor js = (JavascriptExecutor) browser();
        String svgWidth = "return document.querySelector('svg.dag-drawing').getBoundingClientRect().width;";
        double width = ((Number) js.executeScript(svgWidth)).doubleValue();
        browser().findElement(By.cssSelector("[data-zoom=in]")).click();
        assertThat(((Number) js.executeScript(svgWidth)).doubleValue()).as("zoomed in")
                .isCloseTo(width * 1.25, offset(2.0));
        browser().findElement(By.cssSelector("[data-zoom=fit]")).click();
        assertThat(((Number) js.executeScript(svgWidth)).doubleValue()).as("the whole graph fits the frame")
                .isLessThanOrEqualTo(((Number) js.executeScript(
                        "return document.querySelector('.dag').clientWidth;")).doubleValue() + 1);
        browser().findElement(By.cssSelector("[data-zoom=one]")).click();
        assertThat(((Number) js.executeScript(svgWidth)).doubleValue()).as("actual size").isCloseTo(width, offset(1.0));
        assertThat(large).hasSize(12);
        assertThat(browser().findElement(By.className("caption")).getText())
                .startsWith("12 layers of tasks, depth 12, 4095 vertices; 11 groups");
    }

    @Test
    void aGroupsCountsFollowItsTasksWithoutAReload() throws Exception {
        List<ObjectRef<Long>> echoes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            echoes.add(jray().task(Sleeper::echo, jray().task(Sleeper::sleep, 150L).remote()).remote());
        }
        ObjectRef<Integer> end = reduceOf(echoes);
        browser().get(dashboard().base() + "/jray/dag?task=" + end.id());
        ((JavascriptExecutor) browser()).executeScript("window.sameDocument = true;");
        By sleeps = By.cssSelector("g.group[data-group*='Sleeper#sleep('] text.counts");
        assertThat(browser().findElement(sleeps).getText()).isNotEqualTo("32 finished");

        assertThat(end.get(TIMEOUT)).isEqualTo(32);
        new WebDriverWait(browser(), TIMEOUT).until(driver -> "32 finished".equals(driver.findElement(sleeps).getText()));
        assertThat(browser().findElement(By.cssSelector("g.group[data-group*='Sleeper#sleep(']"))
                .getAttribute("class")).contains("state-F");
        assertThat(((JavascriptExecutor) browser()).executeScript("return window.sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        HeadlessChromium.screenshot(browser(), "dag-groups-live");
    }

    /** Counts the echoes: one task over all of them, pairwise, so the graph ends in one task. */
    private static ObjectRef<Integer> reduceOf(List<ObjectRef<Long>> echoes) {
        List<ObjectRef<Integer>> ones = new ArrayList<>();
        for (ObjectRef<Long> echo : echoes) {
            ones.add(jray().task(Adder::one, echo).remote());
        }
        while (ones.size() > 1) {
            List<ObjectRef<Integer>> next = new ArrayList<>();
            for (int i = 0; i < ones.size(); i += 2) {
                next.add(jray().task(Adder::add, ones.get(i), ones.get(i + 1)).remote());
            }
            ones = next;
        }
        return ones.getFirst();
    }
}
