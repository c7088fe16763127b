package org.ketaminefaq.chatbot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.chatbot.server.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The widget in real Chromium against the real server, as a visitor uses it. */
class WidgetBrowserIT {

    private int port;
    private ChatServer server;
    private ChromeDriver driver;
    private WidgetPage widget;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        server = startServer(port);
        driver = Browser.start(1280, 800);
        widget = new WidgetPage(driver);
        driver.get(server.uri().toString());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ChatServer startServer(int port) throws IOException {
        return ChatServer.start(ServerConfig.builder().port(port).build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void askingTheCostShowsTheAnswerWithItsSources() {
        widget.open();
        widget.send("How much does ketamine therapy cost?");

        WebElement answer = widget.waitForMessages("bot", 2);
        assertTrue(WidgetPage.text(answer).contains("$400 to $900"), WidgetPage.text(answer));
        WebElement toggle = answer.findElement(By.cssSelector("[data-testid='kf-sources-toggle']"));
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.click();
        WebElement sources = answer.findElement(By.cssSelector("[data-testid='kf-sources']"));
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> sources.isDisplayed());
        assertTrue(WidgetPage.text(sources).contains("Ketamine Therapy and Mental Health"), WidgetPage.text(sources));
        Browser.screenshot(driver, "desktop-answer");
    }

    /** Answers a typical candidate's first twelve questions by button; the last, about suicidal thoughts, waits. */
    private void tapThroughTheScreeningToTheLastQuestion() {
        widget.tap("Am I a candidate?");
        WebElement first = widget.waitForMessages("question", 1);
        assertTrue(WidgetPage.text(first).contains("1 of 13"), WidgetPage.text(first));
        widget.tap("25 to 64");
        widget.waitForMessages("question", 2);
        widget.tap("No");
        widget.waitForMessages("question", 3);
        widget.tap("Depression");
        widget.waitForMessages("question", 4);
        widget.tap("Done");
        WebElement trials = widget.waitForMessages("question", 5);
        assertTrue(WidgetPage.text(trials).contains("4 of 13"), WidgetPage.text(trials));
        widget.tap("3 or more");
        for (int i = 0; i < 8; i++) {
            widget.waitForMessages("question", 6 + i);
            widget.tap("No");
        }
        WebElement last = widget.waitForMessages("question", 14);
        assertTrue(WidgetPage.text(last).contains("13 of 13"), WidgetPage.text(last));
    }

    @Test
    void aStudyCitedByItsDoiLinksToItInTheSourcesList() {
        widget.open();
        widget.send("does ketamine work for ptsd?");

        WebElement answer = widget.waitForMessages("bot", 2);
        answer.findElement(By.cssSelector("[data-testid='kf-sources-toggle']")).click();
        List<String> links = answer.findElements(By.cssSelector("[data-testid='kf-sources'] a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertTrue(links.stream().anyMatch(h -> h.startsWith("https://doi.org/10.")), links.toString());
    }

    @Test
    void aYesToSuicidalThoughtsShowsTheCrisisCardAndTheResultOnlyWhenTapped() {
        widget.open();
        tapThroughTheScreeningToTheLastQuestion();
        widget.tap("Yes");

        WebElement card = widget.waitForMessages("crisis", 1);
        assertFalse(WidgetPage.text(card).contains("candidate"), WidgetPage.text(card));
        WebElement call = card.findElement(By.cssSelector("[data-testid='kf-crisis-link']"));
        WebElement firstParagraph = card.findElement(By.tagName("p"));
        assertTrue(call.getLocation().getY() < firstParagraph.getLocation().getY(),
                "the call button comes before the words, where it is seen without scrolling");
        widget.tap("Show my result");
        WebElement result = widget.waitForMessages("result", 1);
        assertTrue(WidgetPage.text(result).contains("may be a candidate for an evaluation"), WidgetPage.text(result));
        Browser.screenshot(driver, "desktop-screening-support");
    }

    @Test
    void aFullScreeningByButtonsEndsWithAResultCard() {
        widget.open();
        tapThroughTheScreeningToTheLastQuestion();
        widget.tap("No");

        WebElement result = widget.waitForMessages("result", 1);
        assertTrue(WidgetPage.text(result).contains("may be a candidate for an evaluation"), WidgetPage.text(result));
        assertFalse(WidgetPage.text(result).toLowerCase(Locale.ROOT).contains("eligible"), WidgetPage.text(result));
        Browser.screenshot(driver, "desktop-result");
    }

    @Test
    void aCrisisMessageShowsTheCrisisCardWithTapToCallAndText() {
        widget.open();
        widget.send("i dont want to be here anymore");

        WebElement card = widget.waitForMessages("crisis", 1);
        assertTrue(WidgetPage.text(card).contains("I'm really sorry you're feeling this way"), WidgetPage.text(card));
        List<String> links = card.findElements(By.cssSelector("[data-testid='kf-crisis-link']")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertTrue(links.contains("tel:988"), links.toString());
        assertTrue(links.stream().anyMatch(h -> h.startsWith("sms:")), links.toString());
        Browser.screenshot(driver, "desktop-crisis");
    }

    @Test
    void anHtmlPayloadIsShownAsPlainTextAndNeverRun() {
        String payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";
        widget.open();
        widget.send(payload);

        WebElement mine = widget.waitForMessages("user", 1);
        assertEquals(payload, WidgetPage.text(mine).replaceFirst("^You said:\\s*", "").strip());
        widget.waitForReplies(2);
        assertTrue(mine.findElements(By.cssSelector("img, script, b")).isEmpty());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned;"));
    }

    @Test
    void theWholeFlowWorksByKeyboardAlone() {
        Actions keys = new Actions(driver);
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> widget.byTestId("kf-launcher").isDisplayed());
        for (int i = 0; i < 40 && !widget.focusedTestId().equals("kf-launcher"); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("kf-launcher", widget.focusedTestId(), "Tab reaches the launcher");

        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> widget.focusedTestId().equals("kf-input"));
        keys.sendKeys("is it addictive?").sendKeys(Keys.ENTER).perform();
        WebElement answer = widget.waitForMessages("bot", 2);
        assertTrue(WidgetPage.text(answer).toLowerCase(Locale.ROOT).contains("addict"), WidgetPage.text(answer));

        keys.sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> !widget.byTestId("kf-panel").isDisplayed());
        assertEquals("kf-launcher", widget.focusedTestId(), "closing returns focus to the launcher");
    }

    @Test
    void theConversationGoesOnWhenTheServerRestarts() throws IOException {
        widget.open();
        widget.send("what is ketamine?");
        widget.waitForMessages("bot", 2);

        server.close();
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> widget.byTestId("kf-status").isDisplayed());
        widget.send("is it safe?");
        server = startServer(port);

        WebElement answer = widget.waitForMessages("bot", 3);
        assertTrue(WidgetPage.text(answer).toLowerCase(Locale.ROOT).contains("safe"), WidgetPage.text(answer));
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> !widget.byTestId("kf-status").isDisplayed());
        assertEquals(2, widget.messages("user").size());
    }

    @Test
    void aHostileHostStylesheetLeavesTheWidgetIntact() {
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.createElement('style');"
                        + "s.textContent = 'body * { color: red !important; font-size: 2px !important; "
                        + "letter-spacing: 9px !important; display: none !important; }"
                        + " div, button, input { transform: rotate(45deg) !important; }';"
                        + "document.head.appendChild(s);");
        widget.open();
        widget.send("what are the side effects?");

        WebElement answer = widget.waitForMessages("bot", 2);
        // a new message fades in from opacity 0 (160 ms), which Selenium counts as not displayed: wait it out
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> answer.isDisplayed());
        String fontSize = (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0]).fontSize;", answer);
        assertFalse(fontSize.equals("2px"), "font size leaked in: " + fontSize);
        Browser.screenshot(driver, "desktop-hostile-page");
    }

    @Test
    void aClinicPageWithElementsOfTheWidgetsNamesAndALongTitleStillGetsAWorkingWidget() throws IOException {
        String title = "Ketamine".repeat(12);
        byte[] html = ("<!doctype html><html><head><meta charset=\"windows-1252\"></head><body>"
                + "<div id=\"KetamineFaqWidget\">the clinic's own element</div>"
                + "<div id=\"ketamine-faq-widget\">and another</div>"
                + "<script src=\"" + server.uri().resolve("/widget.js") + "\" data-title=\"" + title
                + "\" async></script></body></html>").getBytes(StandardCharsets.ISO_8859_1);
        HttpServer clinic = clinicPage(html, "windows-1252");
        try {
            driver.get("http://127.0.0.1:" + clinic.getAddress().getPort() + "/");
            widget.open();
            WebElement close = widget.byTestId("kf-close");
            long right = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.round(arguments[0].getBoundingClientRect().right);", close);
            long viewport = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
            assertTrue(right <= viewport, "the close button ends at " + right + " of " + viewport);
            assertTrue(widget.byTestId("kf-input").getAttribute("placeholder").endsWith("\u2026"),
                    "the placeholder reads right on a windows-1252 page");

            widget.send("how much does ketamine cost?");
            assertTrue(WidgetPage.text(widget.waitForMessages("bot", 2)).contains("$"), "the chat answers");
        } finally {
            clinic.stop(0);
        }
    }

    @Test
    void aChatThatRefusesThePageSaysItCannotConnectInsteadOfConnectingForever() throws IOException {
        ClinicProfile d = ClinicProfile.defaultProfile();
        ClinicProfile elsewhere = new ClinicProfile(d.name(), d.phone(), d.bookingUrl(), d.hours(), d.address(),
                d.prices(), d.formsOffered(), d.insuranceNotes(), List.of("https://another-clinic.example"),
                d.crisis());
        ChatServer refusing = ChatServer.start(ServerConfig.builder().port(0).profile(elsewhere).build());
        byte[] html = ("<!doctype html><html><body><p>A clinic's page</p><script src=\""
                + refusing.uri().resolve("/widget.js") + "\" async></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer clinic = clinicPage(html, "utf-8");
        try {
            driver.get("http://127.0.0.1:" + clinic.getAddress().getPort() + "/");
            widget.byTestId("kf-launcher").click();
            new WebDriverWait(driver, java.time.Duration.ofSeconds(40)).until(d2 ->
                    WidgetPage.text(widget.byTestId("kf-status")).startsWith("The chat can't connect right now."));
            assertTrue(widget.byTestId("kf-status").isDisplayed());
        } finally {
            clinic.stop(0);
            refusing.close();
        }
    }

    /** A clinic's own page on its own origin, as a real site embeds the widget. */
    private static HttpServer clinicPage(byte[] html, String charset) throws IOException {
        HttpServer clinic = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        clinic.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=" + charset);
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        clinic.start();
        return clinic;
    }

    @Test
    void aReloadKeepsTheTranscript() {
        widget.open();
        widget.send("how long does a session take?");
        widget.waitForMessages("bot", 2);

        driver.navigate().refresh();
        WidgetPage reloaded = new WidgetPage(driver);
        if (!reloaded.byTestId("kf-panel").isDisplayed()) {
            reloaded.byTestId("kf-launcher").click();
        }
        reloaded.waitForMessages("bot", 2);
        assertEquals(1, reloaded.messages("user").size());
        assertEquals(2, reloaded.messages("bot").size(), "no second welcome after a reload");
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript("return window.localStorage.length;"));
        assertEquals("", ((JavascriptExecutor) driver).executeScript("return document.cookie;"));
    }

    @Test
    void onAPhoneThePanelTakesTheFullScreen() {
        driver.quit();
        driver = Browser.start(375, 812);
        widget = new WidgetPage(driver);
        driver.get(server.uri().toString());
        widget.open();
        widget.send("what does it feel like?");
        widget.waitForMessages("bot", 2);

        WebElement panel = widget.byTestId("kf-panel");
        long viewportWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.clientWidth;");
        long viewportHeight = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.clientHeight;");
        assertTrue(panel.getRect().getWidth() >= viewportWidth && panel.getRect().getHeight() >= viewportHeight,
                "panel " + panel.getRect().getDimension() + " in a viewport of " + viewportWidth + "x" + viewportHeight);
        Browser.screenshot(driver, "phone-375-answer");
        widget.send("I want to kill myself");
        widget.waitForMessages("crisis", 1);
        Browser.screenshot(driver, "phone-375-crisis");
    }
}
