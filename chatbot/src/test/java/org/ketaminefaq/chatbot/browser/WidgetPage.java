package org.ketaminefaq.chatbot.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget as a visitor sees it: the launcher in its shadow root on the clinic's page, and the chat panel in the
 * frame the launcher opens. Finding an element of one switches the driver to where it lives.
 */
final class WidgetPage {

    static final Duration WAIT = Duration.ofSeconds(15);

    /** What lives on the clinic's page; everything else is in the panel's frame. */
    private static final Set<String> ON_THE_PAGE = Set.of("kf-launcher", "kf-box", "kf-frame", "kf-fallback",
            "kf-unread");

    private final WebDriver driver;
    private boolean inPanel;

    WidgetPage(WebDriver driver) {
        this.driver = driver;
        driver.switchTo().defaultContent();
    }

    /** The clinic's page, for scripts that look at what it can see. */
    JavascriptExecutor page() {
        toPage();
        return (JavascriptExecutor) driver;
    }

    /** The panel's frame, for scripts that run inside it. */
    JavascriptExecutor panel() {
        toPanel();
        return (JavascriptExecutor) driver;
    }

    private void toPage() {
        if (inPanel) {
            driver.switchTo().defaultContent();
            inPanel = false;
        }
    }

    private void toPanel() {
        if (!inPanel) {
            WebElement frame = new WebDriverWait(driver, WAIT).until(d -> {
                List<WebElement> found = launcher().findElements(By.cssSelector("[data-testid='kf-frame']"));
                return found.isEmpty() ? null : found.get(0);
            });
            driver.switchTo().frame(frame);
            inPanel = true;
        }
    }

    private SearchContext launcher() {
        toPage();
        // the host is the element of that id with a shadow root: a page may have its own element of the same id
        return new WebDriverWait(driver, WAIT).until(d -> {
            Object host = ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                    + "'#ketamine-faq-widget')].find(h => h.shadowRoot) || null;");
            return host instanceof WebElement element ? element.getShadowRoot() : null;
        });
    }

    private SearchContext where(String testId) {
        if (ON_THE_PAGE.contains(testId)) {
            return launcher();
        }
        toPanel();
        return driver;
    }

    WebElement byTestId(String id) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = all(id);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    List<WebElement> all(String testId) {
        return where(testId).findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    List<WebElement> messages(String kind) {
        toPanel();
        return driver.findElements(By.cssSelector("[data-testid='kf-msg'][data-kind='" + kind + "']"));
    }

    void open() {
        byTestId("kf-launcher").click();
        new WebDriverWait(driver, WAIT).until(d -> byTestId("kf-box").isDisplayed());
        waitForMessages("bot", 1);
    }

    void send(String text) {
        WebElement input = byTestId("kf-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** Waits until at least {@code count} messages of a kind are shown, and returns the last. */
    WebElement waitForMessages(String kind, int count) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = messages(kind);
            return found.size() >= count ? found.get(found.size() - 1) : null;
        });
    }

    /** Waits until the bot has shown at least {@code count} messages of any kind, and returns the last. */
    WebElement waitForReplies(int count) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            toPanel();
            List<WebElement> found = driver.findElements(
                    By.cssSelector("[data-testid='kf-msg']:not([data-kind='user'])"));
            return found.size() >= count ? found.get(found.size() - 1) : null;
        });
    }

    /**
     * An element's text as the page holds it. Selenium's getText() leaves out text it thinks invisible, which a
     * message is for the few frames of its fade-in.
     */
    static String text(WebElement element) {
        return element.getDomProperty("textContent");
    }

    /** Clicks the quick-reply button with this label on the latest message. */
    void tap(String label) {
        new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> buttons = all("kf-quick");
            for (int i = buttons.size() - 1; i >= 0; i--) {
                if (text(buttons.get(i)).strip().equals(label) && buttons.get(i).isEnabled()) {
                    buttons.get(i).click();
                    return true;
                }
            }
            return null;
        });
    }

    /**
     * The test id of the element focused in the widget, or "" when focus is elsewhere: on the clinic's page, the
     * launcher's element; in the panel's frame, the frame's.
     */
    String focusedTestId() {
        Object id = page().executeScript(
                "const host = [...document.querySelectorAll('#ketamine-faq-widget')].find(h => h.shadowRoot);"
                        + "if (!host || document.activeElement !== host) return '';"
                        + "const el = host.shadowRoot.activeElement;"
                        + "return el ? (el.getAttribute('data-testid') || el.tagName) : '';");
        if (!"kf-frame".equals(id)) {
            return String.valueOf(id);
        }
        Object inside = panel().executeScript("const el = document.activeElement;"
                + "return el && el !== document.body ? (el.getAttribute('data-testid') || el.tagName) : '';");
        return String.valueOf(inside);
    }
}
