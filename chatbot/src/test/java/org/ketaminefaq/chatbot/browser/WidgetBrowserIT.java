package org.ketaminefaq.chatbot.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.ClinicChat;
import org.ketaminefaq.chatbot.server.Haproxy;
import org.ketaminefaq.chatbot.server.ServerConfig;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.CrisisResource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.Color;
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
        return TestServers.start(ServerConfig.builder().port(port).build());
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

    @Test
    void onAServerOfManyClinicsDataClinicPicksTheClinicsOwnChat() throws IOException {
        ClinicProfile northStar = ClinicProfile.builder().name("North Star Clinic")
                .crisis(new ClinicProfile.Crisis("GB", "999", List.of(
                        new CrisisResource("Samaritans", "Call 116 123, free, day or night", "tel:116123"))))
                .build();
        try (ChatServer many = ChatServer.create(ServerConfig.builder().port(0).build())
                .clinic("harbor", ClinicChat.of(ClinicProfile.defaultProfile()))
                .clinic("north-star", ClinicChat.of(northStar))
                .start()) {
            driver.get(many.uri("north-star").toString());
            widget.open();
            widget.send("I want to kill myself");
            WebElement card = widget.waitForMessages("crisis", 1);
            assertTrue(WidgetPage.text(card).contains("Samaritans"), WidgetPage.text(card));
            assertFalse(WidgetPage.text(card).contains("988"), WidgetPage.text(card));
            Browser.screenshot(driver, "desktop-second-clinic-crisis");
        }
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
    void aVisitorWorriedAboutSomeoneElseGetsTheCrisisLinesUnderAHeadingAboutThatPerson() {
        widget.open();
        widget.send("my brother says he wants to end it all, would ketamine help him?");

        WebElement card = widget.waitForMessages("crisis", 1);
        String heading = WidgetPage.text(card.findElement(By.tagName("h3")));
        assertEquals("Help for the person you're worried about", heading);
        assertTrue(card.findElements(By.cssSelector("[data-testid='kf-crisis-link'][href='tel:988']")).size() == 1);
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
        assertNull(widget.panel().executeScript("return window.__pwned;"));
        assertNull(widget.page().executeScript("return window.__pwned;"));
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
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> !widget.byTestId("kf-box").isDisplayed());
        assertEquals("kf-launcher", widget.focusedTestId(), "closing returns focus to the launcher");
    }

    @Test
    void screenReadersHearNewMessagesCrisesAndClearingInsideThePanelsFrame() {
        widget.open();
        WebElement box = widget.byTestId("kf-box");
        assertEquals("dialog", box.getAttribute("role"));
        assertEquals("Ketamine therapy questions", box.getAttribute("aria-label"));
        assertEquals("Ketamine therapy questions", widget.byTestId("kf-frame").getAttribute("title"));

        WebElement log = widget.byTestId("kf-transcript");
        assertEquals("log", log.getAttribute("role"));
        assertEquals("polite", log.getAttribute("aria-live"));
        widget.send("I want to kill myself");
        WebElement crisis = widget.waitForMessages("crisis", 1);
        assertTrue(log.findElements(By.cssSelector("[data-kind='crisis']")).contains(crisis), "said in the live log");
        assertEquals("alert", crisis.getAttribute("role"), "a crisis reply interrupts what is being read");

        widget.byTestId("kf-clear").click();
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> "Conversation cleared.".equals(widget.panel()
                .executeScript("return document.querySelector('.kf-sr[role=status]').textContent;")));
    }

    @Test
    void theConversationGoesOnWhenTheServerRestarts() throws IOException {
        widget.open();
        widget.send("what is ketamine?");
        widget.waitForMessages("bot", 2);

        server.close();
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> widget.byTestId("kf-status").isDisplayed());
        widget.send("is it safe?");
        // after a few tries the panel says the chat is unavailable, with the clinic's crisis lines from its own page
        WebElement unavailable = widget.byTestId("kf-unavailable");
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> unavailable.isDisplayed());
        assertTrue(WidgetPage.text(unavailable).startsWith("Chat is unavailable right now."));
        assertTrue(unavailable.findElements(By.cssSelector("a[href='tel:988']")).size() == 1, "988 is one tap away");
        Browser.screenshot(driver, "desktop-panel-unavailable");
        server = startServer(port);

        WebElement answer = widget.waitForMessages("bot", 3);
        assertTrue(WidgetPage.text(answer).toLowerCase(Locale.ROOT).contains("safe"), WidgetPage.text(answer));
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> !widget.byTestId("kf-status").isDisplayed());
        assertFalse(widget.byTestId("kf-unavailable").isDisplayed());
        assertEquals(2, widget.messages("user").size());
    }

    @Test
    void aHostileHostStylesheetLeavesTheWidgetIntact() {
        widget.page().executeScript(
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
        String fontSize = (String) widget.panel().executeScript(
                "return getComputedStyle(arguments[0]).fontSize;", answer);
        assertFalse(fontSize.equals("2px"), "font size leaked in: " + fontSize);
        Browser.screenshot(driver, "desktop-hostile-page");
    }

    /** A clinic's page on another site, whose CSP allows no inline script or style anywhere. */
    private String strictPolicy(ChatServer chat) {
        String origin = "http://127.0.0.1:" + chat.port();
        return "default-src 'none'; script-src 'self' " + origin + "; frame-src " + origin + "; style-src 'self'; "
                + "img-src 'self'; base-uri 'none'; form-action 'none'";
    }

    private static String clinicPage(ChatServer chat, String attributes) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>A clinic</title></head><body>"
                + "<h1>A clinic's own page</h1><p>Its own words.</p><script src=\"/spy.js\"></script>"
                + "<script src=\"" + chat.uri().resolve("/widget.js") + "\" " + attributes + " async></script>"
                + "</body></html>";
    }

    /** Every place a script of the clinic's page could read: its DOM with open shadow roots, storage, cookies,
     * and the events it listened to. */
    private static String whatThePageCanRead(WidgetPage widget) {
        return (String) widget.page().executeScript(
                "const parts = [document.documentElement.outerHTML, document.title, location.href, document.cookie,"
                        + " JSON.stringify({...sessionStorage}), JSON.stringify({...localStorage}),"
                        + " JSON.stringify(window.__seen || [])];"
                        + "for (const el of document.querySelectorAll('*')) if (el.shadowRoot) {"
                        + "  parts.push(el.shadowRoot.innerHTML);"
                        + "  for (const f of el.shadowRoot.querySelectorAll('iframe')) {"
                        + "    try { parts.push(f.contentWindow.document.documentElement.outerHTML); }"
                        + "    catch (e) { parts.push('(the frame is closed to the page)'); } } }"
                        + "return parts.join('\\n');");
    }

    @Test
    void onAClinicsPageWithAStrictPolicyTheChatWorksAndWhatAVisitorTypesStaysOutOfThePage() throws IOException {
        try (ClinicSite clinic = ClinicSite.http(clinicPage(server, "data-accent=\"#0f4c5c\""), strictPolicy(server),
                StandardCharsets.UTF_8)) {
            driver.get(clinic.url());
            WebElement launcher = widget.byTestId("kf-launcher");
            assertEquals("#0f4c5c", Color.fromString(launcher.getCssValue("background-color")).asHex(),
                    "styled, in the clinic's colour");
            assertEquals("fixed", launcher.getCssValue("position"));
            Browser.screenshot(driver, "desktop-launcher");

            widget.open();
            String secret = "zebra-" + System.nanoTime();
            widget.send("how much does ketamine cost? " + secret);
            assertTrue(WidgetPage.text(widget.waitForMessages("bot", 2)).contains("$"), "the chat answers");
            assertTrue(WidgetPage.text(widget.waitForMessages("user", 1)).contains(secret));
            assertEquals("#0f4c5c", Color.fromString(widget.byTestId("kf-send").getCssValue("background-color")).asHex(),
                    "the panel takes the clinic's colour too");
            Browser.screenshot(driver, "desktop-open-panel");

            String readable = whatThePageCanRead(widget);
            assertFalse(readable.contains(secret), "the page can read what the visitor typed");
            assertFalse(readable.contains("how much does ketamine cost"), "the page can read what the visitor typed");
            assertTrue(readable.contains("(the frame is closed to the page)"));
            assertTrue(readable.contains("message ") && readable.contains("ready"),
                    "the spy heard the panel's messages to the page, which carry no words");

            driver.navigate().refresh();
            WidgetPage reloaded = new WidgetPage(driver);
            reloaded.waitForMessages("bot", 2);
            assertEquals(1, reloaded.messages("user").size(), "the transcript survives a reload");
            assertTrue(reloaded.all("kf-no-storage").isEmpty());
            assertFalse(whatThePageCanRead(reloaded).contains(secret));
        }
    }

    @Test
    void whereTheBrowserKeepsStorageFromOtherSitesFramesTheChatWorksAndAReloadStartsAfresh() throws IOException {
        driver.quit();
        driver = Browser.start(1280, 800, false);
        widget = new WidgetPage(driver);
        try (ClinicSite clinic = ClinicSite.http(clinicPage(server, ""), strictPolicy(server), StandardCharsets.UTF_8)) {
            driver.get(clinic.url());
            widget.open();
            assertTrue(WidgetPage.text(widget.byTestId("kf-no-storage")).contains("if the page reloads"));
            widget.send("is ketamine addictive?");
            assertTrue(WidgetPage.text(widget.waitForMessages("bot", 2)).toLowerCase(Locale.ROOT).contains("addict"));

            driver.navigate().refresh();
            WidgetPage reloaded = new WidgetPage(driver);
            reloaded.waitForMessages("bot", 1);
            assertEquals(0, reloaded.messages("user").size(), "a fresh conversation, never the page's storage");
            assertEquals("{\"ketamine-faq-open\":\"1\"}",
                    reloaded.page().executeScript("return JSON.stringify({...sessionStorage});"));
        }
    }

    @Test
    void aClinicPageWithElementsOfTheWidgetsNamesAndALongTitleStillGetsAWorkingWidget() throws IOException {
        String title = "Ketamine".repeat(12);
        String html = "<!doctype html><html><head><meta charset=\"windows-1252\"></head><body>"
                + "<div id=\"KetamineFaqWidget\">the clinic's own element</div>"
                + "<div id=\"ketamine-faq-widget\">and another</div>"
                + "<script src=\"" + server.uri().resolve("/widget.js") + "\" data-title=\"" + title
                + "\" async></script></body></html>";
        try (ClinicSite clinic = ClinicSite.http(html, null, Charset.forName("windows-1252"))) {
            driver.get(clinic.url());
            widget.open();
            WebElement close = widget.byTestId("kf-close");
            long right = (Long) widget.panel().executeScript(
                    "return Math.round(arguments[0].getBoundingClientRect().right);", close);
            long width = (Long) widget.panel().executeScript("return window.innerWidth;");
            assertTrue(right <= width, "the close button ends at " + right + " of " + width);
            assertTrue(widget.byTestId("kf-input").getAttribute("placeholder").endsWith("\u2026"),
                    "the placeholder reads right on a windows-1252 page");

            widget.send("how much does ketamine cost?");
            assertTrue(WidgetPage.text(widget.waitForMessages("bot", 2)).contains("$"), "the chat answers");
        }
    }

    /** The launcher's own "unavailable" card, shown when the panel cannot load, with the profile's crisis lines. */
    private void assertTheChatSaysItIsUnavailable(String screenshot) {
        long started = System.nanoTime();
        WebElement card = new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> {
            WebElement c = widget.byTestId("kf-fallback");
            return c.isDisplayed() ? c : null;
        });
        assertTrue(System.nanoTime() - started < 15_000_000_000L);
        assertTrue(WidgetPage.text(card).contains("Chat is unavailable right now."), WidgetPage.text(card));
        assertTrue(WidgetPage.text(card).contains("If you need help now"), WidgetPage.text(card));
        List<String> links = card.findElements(By.cssSelector("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(links.contains("tel:988") && links.contains("tel:911"), links.toString());
        Browser.screenshot(driver, screenshot);
    }

    @Test
    void aChatThatRefusesThePageSaysItIsUnavailableWithTheClinicsCrisisLines() throws IOException {
        ClinicProfile elsewhere = ClinicProfile.builder().allowedOrigins("https://another-clinic.example").build();
        try (ChatServer refusing = TestServers.start(ServerConfig.builder().port(0).build(), elsewhere);
             ClinicSite clinic = ClinicSite.http(clinicPage(refusing, ""), null, StandardCharsets.UTF_8)) {
            driver.get(clinic.url());
            widget.byTestId("kf-launcher").click();
            assertTheChatSaysItIsUnavailable("desktop-unavailable-refused");
        }
    }

    @Test
    void anHttpsPageWithAnHttpChatSaysItIsUnavailableAtOnce() throws IOException {
        // data-server names a plain-http chat; an https page may not frame it
        try (ClinicSite clinic = ClinicSite.https(clinicPage(server, "data-server=\"" + server.uri() + "\""), null)) {
            driver.get(clinic.url());
            widget.byTestId("kf-launcher").click();
            assertTheChatSaysItIsUnavailable("desktop-unavailable-mixed");
            assertFalse(WidgetPage.text(widget.byTestId("kf-fallback")).contains("keep trying"),
                    "no promise that cannot be kept: the page's scheme has to change");
        }
    }

    @Test
    void aChatServerThatIsDownWhenTheVisitorOpensTheChatSaysItIsUnavailable() throws IOException {
        driver.quit();
        driver = Browser.start(375, 812);
        widget = new WidgetPage(driver);
        try (ClinicSite clinic = ClinicSite.http(clinicPage(server, ""), strictPolicy(server), StandardCharsets.UTF_8)) {
            driver.get(clinic.url());
            widget.byTestId("kf-launcher");
            server.close();
            widget.byTestId("kf-launcher").click();
            assertTheChatSaysItIsUnavailable("phone-375-unavailable");
        }
    }

    @Test
    void aReloadKeepsTheTranscript() {
        widget.open();
        widget.send("how long does a session take?");
        widget.waitForMessages("bot", 2);

        driver.navigate().refresh();
        WidgetPage reloaded = new WidgetPage(driver);
        reloaded.waitForMessages("bot", 2);
        assertEquals(1, reloaded.messages("user").size());
        assertEquals(2, reloaded.messages("bot").size(), "no second welcome after a reload");
        assertEquals(0L, reloaded.page().executeScript("return window.localStorage.length;"));
        assertEquals("", reloaded.page().executeScript("return document.cookie;"));
    }

    @Test
    void aReloadInTheMiddleOfAScreeningGoesOnWithTheNextQuestion() {
        widget.open();
        widget.tap("Am I a candidate?");
        widget.waitForMessages("question", 1);
        widget.tap("25 to 64");
        WebElement second = widget.waitForMessages("question", 2);
        assertTrue(WidgetPage.text(second).contains("2 of 13"), WidgetPage.text(second));

        driver.navigate().refresh();
        WidgetPage reloaded = new WidgetPage(driver);
        reloaded.waitForMessages("question", 2);
        reloaded.tap("No");
        WebElement third = reloaded.waitForMessages("question", 3);
        assertTrue(WidgetPage.text(third).contains("3 of 13"), "the screening goes on: " + WidgetPage.text(third));
        assertTrue(reloaded.messages("notice").isEmpty() && reloaded.messages("error").isEmpty(),
                "no notice that the screening was reset");
    }

    @Test
    void throughHaproxyTheScreeningGoesOnWhenTheServerHoldingTheChatStops(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("resume.key");
        Files.write(key, "a key file of at least thirty-two bytes, for this test".getBytes(StandardCharsets.UTF_8));
        ServerConfig shared = ServerConfig.builder().port(0).resumeKeyFile(key).build();
        try (ChatServer a = TestServers.start(shared); ChatServer b = TestServers.start(shared);
             Haproxy proxy = Haproxy.start(Haproxy.freePort(), a.port(), b.port())) {
            driver.get(proxy.uri().toString());
            widget = new WidgetPage(driver);
            widget.open();
            widget.tap("Am I a candidate?");
            widget.waitForMessages("question", 1);
            widget.tap("25 to 64");
            widget.waitForMessages("question", 2);

            (a.openChats() == 1 ? a : b).close(); // what SIGTERM does: its chats close with 1001
            widget.tap("No");
            WebElement third = widget.waitForMessages("question", 3);
            assertTrue(WidgetPage.text(third).contains("3 of 13"), "the screening goes on: " + WidgetPage.text(third));
            assertTrue(widget.messages("notice").isEmpty() && widget.messages("error").isEmpty(),
                    "no notice that the screening was reset");
            assertEquals(1, a.openChats() + b.openChats());
        }
    }

    @Test
    void onAPhoneThePanelTakesTheFullScreen() {
        driver.quit();
        driver = Browser.start(375, 812);
        widget = new WidgetPage(driver);
        driver.get(server.uri().toString());
        Browser.screenshot(driver, "phone-375-launcher");
        widget.open();
        widget.send("what does it feel like?");
        widget.waitForMessages("bot", 2);

        WebElement box = widget.byTestId("kf-box");
        long viewportWidth = (Long) widget.page().executeScript("return document.documentElement.clientWidth;");
        long viewportHeight = (Long) widget.page().executeScript("return document.documentElement.clientHeight;");
        assertTrue(box.getRect().getWidth() >= viewportWidth && box.getRect().getHeight() >= viewportHeight,
                "panel " + box.getRect().getDimension() + " in a viewport of " + viewportWidth + "x" + viewportHeight);
        Browser.screenshot(driver, "phone-375-answer");
        widget.send("I want to kill myself");
        widget.waitForMessages("crisis", 1);
        Browser.screenshot(driver, "phone-375-crisis");
    }

    @Test
    void repliesThatCameWhileTheChatWasClosedShowOnTheLauncher() {
        widget.open();
        widget.send("what is ketamine?");
        widget.waitForMessages("bot", 2);
        // send, and close before the reply is in
        new Actions(driver).sendKeys(widget.byTestId("kf-input"), "is it safe?", Keys.ENTER, Keys.ESCAPE).perform();
        WebElement badge = widget.byTestId("kf-unread");
        new WebDriverWait(driver, WidgetPage.WAIT).until(d -> badge.isDisplayed());
        assertEquals("1", WidgetPage.text(badge));
        assertTrue(WidgetPage.text(widget.byTestId("kf-launcher")).contains("1 new message"));
        Browser.screenshot(driver, "desktop-launcher-unread");

        widget.byTestId("kf-launcher").click();
        assertFalse(widget.byTestId("kf-unread").isDisplayed());
        assertEquals(3, widget.messages("bot").size());
    }
}
