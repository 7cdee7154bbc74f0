package io.rest2grpc.benchmarks.typed;

import io.grpc.inprocess.InProcessServerBuilder;
import io.rest2grpc.sample.SampleLegacyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/**
 * The sample app as it runs, with its gRPC server in process instead of on a port: the same generated services,
 * global interceptors and typed-call hook, called on the caller's thread (direct executors), so that no thread
 * hand-off or socket is timed. The HTTP server starts on a free loopback port; no call goes to it.
 */
@Configuration(proxyBeanMethods = false)
public class InProcessApp {
  static final String SERVER_NAME = "rest2grpc-typed-calls-bench";
  static final String READER_TOKEN = "sample-reader-token";

  @Bean
  ServerBuilderCustomizer<InProcessServerBuilder> directExecutor() {
    return InProcessServerBuilder::directExecutor;
  }

  @Bean
  CannedOrders cannedOrders() {
    return new CannedOrders();
  }

  static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SampleLegacyApplication.class, InProcessApp.class).run(
        "--server.port=0",
        "--spring.grpc.server.inprocess.name=" + SERVER_NAME,
        "--spring.grpc.server.inprocess.exclusive=true",
        "--spring.main.banner-mode=off",
        // the audit interceptor's INFO line per call is not written, as in grpc-vs-rest/bench.yml
        "--logging.level.root=WARN",
        // the app's tokens, replaced by the reader's alone with a limit no benchmark reaches (the app's: 10000 a minute)
        "--sample.security.tokens[0].token=" + READER_TOKEN,
        "--sample.security.tokens[0].caller=viewer",
        "--sample.security.tokens[0].roles=reader",
        "--sample.security.tokens[0].requests-per-minute=2000000000");
  }
}
