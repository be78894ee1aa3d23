package io.jray.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

import io.jray.runtime.control.history.HistoryIndexer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A dashboard on a real node and Redis with a headless Chromium in front of it, for the tests of
 * one class (register it as a static {@code @RegisterExtension} field): started before the first
 * test, once the history listens, and closed after the last. The class is skipped, not passed,
 * where no chromium is installed.
 */
final class BrowserOnDashboard implements BeforeAllCallback, AfterAllCallback {

    private final int width;
    private final int height;
    private RunningDashboard dashboard;
    private ChromeDriver browser;

    BrowserOnDashboard(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        dashboard = new RunningDashboard();
        await().atMost(Duration.ofSeconds(60)).until(dashboard.context().getBean(HistoryIndexer.class)::isListening);
        browser = HeadlessChromium.start(width, height);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    RunningDashboard dashboard() {
        return dashboard;
    }

    ChromeDriver browser() {
        return browser;
    }
}
