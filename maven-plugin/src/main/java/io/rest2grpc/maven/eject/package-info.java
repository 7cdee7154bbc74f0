/**
 * {@code rest2grpc:eject}: a generated gRPC service turned into the team's own source, calling the application's
 * service layer instead of its controllers; which handlers only delegate and which hold logic of their own; the
 * services the module implements itself; the protos as the source of truth ({@code buf breaking}).
 */
package io.rest2grpc.maven.eject;
