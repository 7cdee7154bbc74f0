package io.rest2grpc.maven.selfcheck;

/** How the self-check test starts the application. */
public sealed interface TestContext {

  /** The app's own test annotation (qualified name), so that the check shares its tests' application context. */
  record AppAnnotation(String qualifiedName) implements TestContext {}

  /** {@code @SpringBootTest} on the app's {@code @SpringBootApplication} class (qualified name), on a free gRPC port. */
  record Application(String qualifiedName) implements TestContext {}
}
