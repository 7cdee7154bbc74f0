package io.rest2grpc.shadow.report;

import io.rest2grpc.shadow.support.DebianPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: both from the machine's packages, never looked
 * up or downloaded by Selenium Manager (there is no internet to download from). Closing quits the browser and removes
 * its profile.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Fails on CI, which installs both packages, when either is missing; elsewhere skips the calling test, saying what
   * to install.
   */
  static void assumeInstalled() {
    DebianPackages.require("chromium chromium-driver", CHROMIUM, CHROMEDRIVER);
  }

  static HeadlessChromium start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("report-page-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    // without the background-networking flags chromium keeps reaching for Google's hosts, which this network refuses
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(30)).build();
    try {
      return new HeadlessChromium(new ChromeDriver(service, options), profile);
    } catch (RuntimeException failed) {
      service.stop();
      delete(profile);
      throw failed;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
