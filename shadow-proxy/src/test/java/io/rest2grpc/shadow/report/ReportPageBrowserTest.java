package io.rest2grpc.shadow.report;

import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.support.AlteringRestSide;
import io.rest2grpc.shadow.support.SampleApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report page in a real browser, Debian's headless chromium: known traffic through the proxy, one answer with a
 * seeded body mismatch, and the page must show those parity figures per method and highlight the seeded path on
 * both sides. The admin port asks for a token, so the page also proves it passes {@code ?token=} on to its reads.
 */
class ReportPageBrowserTest {
  private static final String GET_ORDER = "sample_legacy_orders.v1.OrdersService.GetOrder";
  private static final String LIST_ORDERS = "sample_legacy_orders.v1.OrdersService.ListOrders";
  private static final String GET_USER = "sample_legacy_orders.v1.UsersService.GetUser";
  private static final String SEEDED_TARGET = "/v1/orders/1002";
  private static final String SEEDED_POINTER = "/items/0/quantity"; // order 1002 has one item, 1 of it
  private static final List<String> MATCHING_TARGETS = List.of("/v1/orders/1001", "/v1/orders/1003", "/v1/orders/1004",
      "/v1/orders/1005", "/v1/orders?limit=2", "/v1/users/1");
  private static final String ADMIN_TOKEN = "report-page-test-token";
  // the kept artifact: the whole page as the test saw it, taken before the assertions so a failing run has one too;
  // it lands under target/, the folder CI keeps as the test artifact
  private static final Path SCREENSHOT = Path.of("target", "report-page.png");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeEach // not @BeforeAll: surefire counts a test skipped there as neither run nor skipped
  void needsChromium() {
    HeadlessChromium.assumeInstalled();
  }

  @Test
  void showsTheParityOfTheTrafficSentAndHighlightsTheSeededMismatchOnBothSides() throws Exception {
    try (SampleApp app = SampleApp.start();
        AlteringRestSide rest = AlteringRestSide.of(app.httpPort(), (target, nth, body) -> {
          if (target.equals(SEEDED_TARGET)) {
            ((ObjectNode) body.at("/items/0")).put("quantity", 2);
          }
        });
        ShadowProxy proxy = ShadowProxy.start(settings(rest.port(), app.grpcPort()))) {
      for (String target : MATCHING_TARGETS) {
        assertOk(get(proxy, target), target);
      }
      assertOk(get(proxy, SEEDED_TARGET), SEEDED_TARGET);
      awaitAccounted(proxy.ledger(), MATCHING_TARGETS.size() + 1);

      try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1000)) {
        ChromeDriver page = chromium.driver();
        page.get("http://127.0.0.1:" + proxy.adminAddress().getPort() + "/?token=" + ADMIN_TOKEN);
        // the latency trend draws from its second refresh, 2 s after the first: waited for so the screenshot has it
        new WebDriverWait(page, Duration.ofSeconds(20)).until(browser ->
            "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                && !browser.findElements(By.cssSelector("#latency-over-time polyline")).isEmpty());
        screenshotWholePage(page);

        assertThat(page.findElement(By.id("problem")).isDisplayed()).as(page.findElement(By.id("problem")).getText()).isFalse();
        assertParity(page, GET_ORDER, "80.0 %", "4 / 5", 4, 1);
        assertParity(page, LIST_ORDERS, "100.0 %", "1 / 1", 1, 0);
        assertParity(page, GET_USER, "100.0 %", "1 / 1", 1, 0);
        assertThat(method(page, GET_ORDER).findElement(By.cssSelector("td.kind-body")).getText()).isEqualTo("1");
        assertThat(page.findElements(By.cssSelector("#latency-now rect[data-rpc='" + GET_ORDER + "']")))
            .extracting(bar -> bar.getDomAttribute("data-side")).containsExactly("rest", "grpc");
        assertThat(page.findElements(By.cssSelector("#noise tr.ignored")))
            .anySatisfy(row -> assertThat(row.getText()).contains(GET_ORDER, "/request_id", "ignored by configuration"));

        List<WebElement> diffs = page.findElements(By.cssSelector("#diffs article.diff"));
        assertThat(diffs).as("only the seeded answer differs").hasSize(1);
        WebElement diff = diffs.get(0);
        assertThat(diff.getDomAttribute("data-rpc")).isEqualTo(GET_ORDER);
        assertThat(diff.findElement(By.cssSelector("header .request")).getText()).isEqualTo("GET " + SEEDED_TARGET);
        assertThat(diff.findElements(By.cssSelector("li.mismatch"))).extracting(WebElement::getText)
            .containsExactly("body " + SEEDED_POINTER + ": REST 2, gRPC 1");
        for (String side : List.of("rest", "grpc")) {
          WebElement answer = diff.findElement(By.cssSelector(".side[data-side='" + side + "']"));
          assertThat(answer.findElements(By.cssSelector(".highlight"))).as(side + ": only the seeded path is highlighted")
              .extracting(element -> element.getDomAttribute("data-path")).containsExactly(SEEDED_POINTER);
          assertThat(answer.findElement(By.cssSelector("[data-path='" + SEEDED_POINTER + "']")).getText())
              .isEqualTo(side.equals("rest") ? "2" : "1");
          assertThat(answer.findElement(By.cssSelector("[data-path='/items/0/sku']")).getDomProperty("className"))
              .doesNotContain("highlight");
          assertThat(answer.findElement(By.cssSelector(".status")).getText()).isEqualTo("200");
        }
      }
    }
  }

  private static ShadowSettings settings(int restPort, int grpcPort) {
    return SampleApp.proxyOptions(restPort, grpcPort, "admin-token: " + ADMIN_TOKEN + "\n").settings();
  }


  private static HttpResponse<String> get(ShadowProxy proxy, String target) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort() + target))
        .header("Authorization", "Bearer sample-reader-token").timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertOk(HttpResponse<String> response, String target) {
    assertThat(response.statusCode()).as(target + ": " + response.body()).isEqualTo(200);
  }

  private static WebElement method(ChromeDriver page, String rpc) {
    return page.findElement(By.cssSelector("#methods tr.method[data-rpc='" + rpc + "']"));
  }

  private static void assertParity(ChromeDriver page, String rpc, String parity, String share, int matched, int mismatched) {
    WebElement row = method(page, rpc);
    assertThat(row.findElement(By.cssSelector("td.parity")).getText()).as(rpc).startsWith(parity);
    assertThat(row.findElement(By.cssSelector("td.parity .share")).getText()).as(rpc).isEqualTo(share);
    assertThat(row.findElement(By.cssSelector("td.matched")).getText()).as(rpc).isEqualTo(String.valueOf(matched));
    assertThat(row.findElement(By.cssSelector("td.mismatched")).getText()).as(rpc).isEqualTo(String.valueOf(mismatched));
  }

  /** All of the page, below the window too (chromium's own full-page capture). */
  @SuppressWarnings("unchecked") // the layout metrics are a JSON object
  private static void screenshotWholePage(ChromeDriver page) throws Exception {
    Map<String, Object> size = (Map<String, Object>) page.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> whole = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    String png = (String) page.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", whole)).get("data");
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, Base64.getDecoder().decode(png));
  }
}
