package io.rest2grpc.runtime.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rest2grpc.*} settings of an app serving the generated services.
 *
 * @param descriptorSet where the build's descriptor set is
 * @param bridge how the bridge reaches the app's REST endpoints
 * @param pageTokens the keys that sign page tokens; every instance of the app, and any facade or proxy in front of it,
 *     must share them, or a token minted by one is refused by another
 * @param shadow the keys the shadow proxy signs its markers with
 */
@ConfigurationProperties("rest2grpc")
public record Rest2GrpcProperties(@DefaultValue(Rest2GrpcAutoConfiguration.DESCRIPTOR_SET) String descriptorSet,
    @DefaultValue Bridge bridge, @DefaultValue PageTokens pageTokens, @DefaultValue Shadow shadow) {

  /** @param baseUrl the app's base URL when loopback to its own port is not the way in; empty: learned at start-up */
  public record Bridge(@DefaultValue("") String baseUrl) {}

  /**
   * @param currentKeyId the key that signs new tokens
   * @param secrets each key id's secret in base64, at least 32 bytes ({@code openssl rand -base64 32}); empty: a random key of
   *     this process alone
   */
  public record PageTokens(@DefaultValue("default") String currentKeyId, Map<String, String> secrets) {
    public PageTokens {
      secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }
  }

  /**
   * @param keys each key id's secret in base64, at least 32 bytes, shared with the shadow proxy; empty: no call is a shadow
   * @param window how old a marker may be
   * @param maxNonces how many markers are remembered to refuse a replay
   */
  public record Shadow(Map<String, String> keys, @DefaultValue("5m") Duration window, @DefaultValue("100000") int maxNonces) {
    public Shadow {
      keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
  }
}
