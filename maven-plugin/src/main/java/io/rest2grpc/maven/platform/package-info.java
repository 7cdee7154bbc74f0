/**
 * The row of the support matrix a project is on (Spring Boot 3 with Spring gRPC 0.12 and Jackson 2, or Spring Boot 4
 * with Spring gRPC 1.0 and Jackson 3), read from the artifacts it resolves and its {@code application.yml}: what the
 * generated code and the typed mappers follow, never a switch of the user's.
 */
package io.rest2grpc.maven.platform;
