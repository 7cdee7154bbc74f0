package io.rest2grpc.maven.platform;

/** The Spring gRPC line a project resolves, and what generated code names of it. */
public enum SpringGrpc {
  /** Spring gRPC 0.12, on Spring Boot 3. */
  V0_12("0.12", "org.springframework.grpc.autoconfigure.server.GrpcServerFactoryAutoConfiguration"),
  /** Spring gRPC 1.0, on Spring Boot 4: its auto-configuration moved to Boot's package layout. */
  V1_0("1.0", "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration");

  private final String line;
  private final String serverFactoryConfiguration;

  SpringGrpc(String line, String serverFactoryConfiguration) {
    this.line = line;
    this.serverFactoryConfiguration = serverFactoryConfiguration;
  }

  public String line() {
    return line;
  }

  /** The auto-configuration that starts the gRPC server only if services are beans by then: generated services come before it. */
  public String serverFactoryConfiguration() {
    return serverFactoryConfiguration;
  }
}
