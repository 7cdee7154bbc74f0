package io.rest2grpc.runtime.autoconfigure;

import io.rest2grpc.runtime.bridge.MvcBridge;
import io.rest2grpc.runtime.call.CallMetadata;
import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.runtime.shadow.BridgedShadows;
import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.runtime.shadow.ShadowMarkers;
import io.rest2grpc.runtime.typed.AppFilters;
import io.rest2grpc.runtime.typed.TypedCallHook;
import io.rest2grpc.runtime.typed.TypedCalls;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.shadow.ShadowKey;
import io.rest2grpc.transcoding.shadow.ShadowVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * What the generated services need, for every app that has the runtime on its classpath: the
 * contract read from the build's descriptor set, the call-metadata interceptor, the bridge, and the
 * shadow-marker check ({@link ShadowCalls}).
 * Spring gRPC's own auto-configuration runs the server (port {@code spring.grpc.server.port}, TLS,
 * reflection, health, Micrometer observation) and registers the generated services, which are beans.
 */
@AutoConfiguration(beforeName = {Rest2GrpcAutoConfiguration.GRPC_SERVER_FACTORY_0_12, Rest2GrpcAutoConfiguration.GRPC_SERVER_FACTORY_1_0})
@EnableConfigurationProperties(Rest2GrpcProperties.class)
public class Rest2GrpcAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(Rest2GrpcAutoConfiguration.class);

  /** Spring gRPC 0.12's server auto-configuration (Boot 3), which starts only if gRPC services are beans by then. */
  public static final String GRPC_SERVER_FACTORY_0_12 = "org.springframework.grpc.autoconfigure.server.GrpcServerFactoryAutoConfiguration";

  /** Spring gRPC 1.0's (Boot 4): the same class, moved to Boot's package layout. */
  public static final String GRPC_SERVER_FACTORY_1_0 = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration";

  /** Where the build puts the descriptor set (the protobuf-maven-plugin's {@code outputDescriptorFile}). */
  public static final String DESCRIPTOR_SET = "classpath:META-INF/rest2grpc/descriptor-set.binpb";

  @Bean
  GrpcContract rest2grpcContract(ResourceLoader resources, Rest2GrpcProperties properties) throws IOException {
    String location = properties.descriptorSet();
    Resource set = resources.getResource(location);
    if (!set.exists()) {
      throw new IllegalStateException(location + " is missing: the build writes it when the protobuf-maven-plugin has "
          + "<outputDescriptorFile>${project.build.outputDirectory}/META-INF/rest2grpc/descriptor-set.binpb</outputDescriptorFile> "
          + "with imports included (rest2grpc-maven-plugin README), or set rest2grpc.descriptor-set to where yours is");
    }
    Map<String, String> secrets = properties.pageTokens().secrets();
    if (secrets.isEmpty()) {
      LOG.warn("rest2grpc.page-tokens.secrets is not set: page tokens are signed with a random key of this process, and refused "
          + "by any other instance or after a restart (rest2grpc-runtime README)");
    }
    try (InputStream in = set.getInputStream()) {
      return GrpcContract.read(in, location, builder -> secrets.isEmpty() ? builder
          : builder.pageTokens(PageTokens.create(PageTokenKeys.fromBase64(properties.pageTokens().currentKeyId(), secrets))));
    }
  }

  @Bean
  @GlobalServerInterceptor
  CallMetadata rest2grpcCallMetadata() {
    return new CallMetadata();
  }

  @Bean
  AppAddress rest2grpcAppAddress(Rest2GrpcProperties properties, @Value("${server.servlet.context-path:}") String contextPath,
      Environment environment) {
    return new AppAddress(properties.bridge().baseUrl(), contextPath, environment);
  }

  /** First in the servlet filter chain, so that every filter of the app can ask {@link ShadowCalls#isShadow}. */
  @Bean
  FilterRegistrationBean<BridgedShadows> rest2grpcBridgedShadows() {
    FilterRegistrationBean<BridgedShadows> registration = new FilterRegistrationBean<>(new BridgedShadows());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Only with keys: without them no call is a shadow, and markers are not looked at. */
  @Bean
  @GlobalServerInterceptor
  @Conditional(ShadowKeysConfigured.class)
  ShadowMarkers rest2grpcShadowMarkers(Rest2GrpcProperties properties) {
    Rest2GrpcProperties.Shadow shadow = properties.shadow();
    List<ShadowKey> keys = shadow.keys().entrySet().stream()
        .map(key -> new ShadowKey(key.getKey(), Base64.getDecoder().decode(key.getValue().strip()))).toList();
    return new ShadowMarkers(new ShadowVerifier(keys, Clock.systemUTC(), shadow.window(), shadow.maxNonces()));
  }

  /** Its thread pool is the bridge's own: an {@code Executor} bean would make Boot drop the app's task executor. */
  @Bean(destroyMethod = "close")
  MvcBridge rest2grpcBridge(GrpcContract contract, AppAddress app, FilterRegistrationBean<BridgedShadows> shadows) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService streams = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "rest2grpc-bridge-stream");
      thread.setDaemon(true);
      return thread;
    });
    return new MvcBridge(contract, app, http, streams, shadows.getFilter());
  }

  /** Typed calls, or all calls through the bridge while a servlet filter of the app is not covered by a {@link TypedCallHook}. */
  @Bean
  TypedCalls rest2grpcTypedCalls(GrpcContract contract, MvcBridge bridge, ApplicationContext context,
      ObjectProvider<TypedCallHook> hook) {
    Optional<TypedCallHook> given = Optional.ofNullable(hook.getIfUnique());
    return new TypedCalls(contract, bridge, context, given, AppFilters.uncovered(context, given));
  }
}
