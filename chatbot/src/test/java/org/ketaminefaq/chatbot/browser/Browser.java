package org.ketaminefaq.chatbot.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless, on a closed network. Nothing is downloaded: the driver and the
 * browser are named explicitly, so Selenium Manager never runs.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** A new browser with its own profile, which lets frames of other sites keep storage; the caller quits it. */
    static ChromeDriver start(int width, int height) {
        return start(width, height, true);
    }

    /**
     * A new browser with its own profile; the caller quits it.
     *
     * @param thirdPartyStorage whether frames of another site may keep storage (off: third-party cookies blocked
     *     and storage not partitioned, so such frames get none)
     */
    static ChromeDriver start(int width, int height, boolean thirdPartyStorage) {
        ChromeOptions options = new ChromeOptions();
        // 0 allows third-party cookies and storage, 1 blocks them
        // the clinic page of the mixed-content test is served over https with a certificate made for it
        options.setAcceptInsecureCerts(true);
        if (!thirdPartyStorage) {
            // Chromium gives a frame of another site its own partitioned storage even with third-party cookies
            // blocked; without partitioning, as in browsers that keep no storage for such frames, it has none
            options.addArguments("--disable-features=ThirdPartyStoragePartitioning");
        }
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--window-size=" + width + "," + height,
                "--user-data-dir=" + tempProfile(thirdPartyStorage));
        // one service per driver: quit() stops it
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + name, e);
        }
    }

    /**
     * A fresh profile. Its cookie setting decides whether frames of another site may use storage: 0 allows
     * third-party cookies and storage, 1 blocks them (ChromeDriver's "prefs" option does not reach this setting).
     */
    private static String tempProfile(boolean thirdPartyStorage) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Files.createDirectories(profile.resolve("Default"));
            Files.writeString(profile.resolve("Default").resolve("Preferences"),
                    "{\"profile\":{\"cookie_controls_mode\":" + (thirdPartyStorage ? 0 : 1) + "}}");
            return profile.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
