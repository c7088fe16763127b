package org.ketaminefaq.chatbot.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The widget as a visitor sees it, reached through its open shadow root. */
final class WidgetPage {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;

    WidgetPage(WebDriver driver) {
        this.driver = driver;
    }

    SearchContext root() {
        // the host is the element of that id with a shadow root: a page may have its own element of the same id
        return new WebDriverWait(driver, WAIT).until(d -> {
            Object host = ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                    + "'#ketamine-faq-widget')].find(h => h.shadowRoot) || null;");
            return host instanceof WebElement element ? element.getShadowRoot() : null;
        });
    }

    WebElement byTestId(String id) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = root().findElements(By.cssSelector("[data-testid='" + id + "']"));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    List<WebElement> all(String testId) {
        return root().findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    List<WebElement> messages(String kind) {
        return root().findElements(By.cssSelector("[data-testid='kf-msg'][data-kind='" + kind + "']"));
    }

    void open() {
        byTestId("kf-launcher").click();
        new WebDriverWait(driver, WAIT).until(d -> byTestId("kf-panel").isDisplayed());
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
            List<WebElement> found = root().findElements(
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

    /** The test id of the element focused inside the widget, or "" when focus is elsewhere. */
    String focusedTestId() {
        Object id = ((JavascriptExecutor) driver).executeScript(
                "const host = document.getElementById('ketamine-faq-widget');"
                        + "if (document.activeElement !== host) return '';"
                        + "const el = host.shadowRoot.activeElement;"
                        + "return el ? (el.getAttribute('data-testid') || el.tagName) : '';");
        return String.valueOf(id);
    }
}
