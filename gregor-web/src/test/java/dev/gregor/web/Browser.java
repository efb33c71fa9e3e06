package dev.gregor.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code chromium}, {@code chromium-driver}; .ci/run installs both) driven by
 * Selenium, with the flags this sandbox needs (no background networking: its closed network refuses it).
 */
final class Browser {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  /** A new headless browser; the test is skipped, saying why, where Chromium or its driver is missing. */
  static ChromeDriver start(Path profile) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
    // The console's messages (a script that did not load, a CSP violation) become readable through the driver.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Clicks what {@code target} finds and waits until the browser has left the page (a link or a form's submit). */
  static void clickAndLoad(ChromeDriver driver, By target) {
    // The page is marked and the wait is for a complete document without the mark. Waiting for the old <html>
    // element to go stale raced the swap: mid-navigation Chrome answered "Node with given id does not belong to
    // the document" (an unknown error, not a stale element), which failed a CI run. Scripts asked mid-swap may
    // fail the same way, so the wait asks again until the new document answers.
    driver.executeScript("window.gregorLeftPage = false");
    driver.findElement(target).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
        .withMessage("a new page after clicking " + target)
        .until(d -> Boolean.TRUE.equals(driver.executeScript(
            "return window.gregorLeftPage === undefined && document.readyState === 'complete'")));
  }

  /** What the page wrote to the console at level SEVERE (errors) since the last call. */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
