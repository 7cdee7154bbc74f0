package io.rest2grpc.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plain HTTP client for the contract suite. It knows nothing of the app but its base URL, so the
 * suite runs against any implementation of the contract: set {@code -Dcontract.base-url=http://…}
 * (or {@code CONTRACT_BASE_URL}); by default it targets the app the test started on a random port.
 * Every response to a documented operation is validated against openapi.yaml and counted for coverage.
 */
public final class ContractClient {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  private ContractClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The external target if one is configured, else the in-process app on {@code localPort}. */
  public static ContractClient forTarget(int localPort) {
    String configured = System.getProperty("contract.base-url", System.getenv("CONTRACT_BASE_URL"));
    return new ContractClient(configured == null || configured.isBlank()
        ? "http://127.0.0.1:" + localPort : configured);
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call head(String path) {
    return new Call("HEAD", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call put(String path) {
    return new Call("PUT", path);
  }

  public Call patch(String path) {
    return new Call("PATCH", path);
  }

  public Call delete(String path) {
    return new Call("DELETE", path);
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** Asserts that a response conforms to the contract and counts it for coverage. */
  public static Exchange check(Exchange exchange) {
    ContractSpec spec = ContractSpec.get();
    spec.match(exchange.method(), exchange.path()).ifPresent(operation -> {
      assertThat(operation.statuses())
          .as("%s answered a status that %s does not document: %s", operation, ContractSpec.RESOURCE, exchange)
          .contains(Integer.toString(exchange.status()));
      assertThat(spec.violations(exchange))
          .as("response of %s breaks %s: %s", operation, ContractSpec.RESOURCE, exchange)
          .isEmpty();
      ContractCoverage.record(operation, exchange);
    });
    return exchange;
  }

  /** One request being built. */
  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call token(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call json(Object body) {
      try {
        return body("application/json", body instanceof String text ? text : JSON.writeValueAsString(body));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot serialise " + body, e);
      }
    }

    public Call body(String contentType, String text) {
      return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public Call body(String contentType, byte[] bytes) {
      header("Content-Type", contentType);
      this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      return this;
    }

    /** Sends, checks the response against the contract, and returns it. */
    public Exchange send() {
      return check(sendUnchecked());
    }

    /** Sends without checking: for the rare test that looks at an undocumented path. */
    public Exchange sendUnchecked() {
      try {
        HttpResponse<byte[]> response = HTTP.send(request().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Exchange(method, path, response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new AssertionError(method + " " + baseUrl + path + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    /** Opens a response whose body is read line by line as it arrives (server-sent events). */
    public HttpResponse<Stream<String>> openLines() {
      try {
        return HTTP.send(request().build(), HttpResponse.BodyHandlers.ofLines());
      } catch (IOException e) {
        throw new AssertionError(method + " " + baseUrl + path + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    private HttpRequest.Builder request() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(20))
          .method(method, body);
      headers.forEach(request::header);
      return request;
    }
  }
}
