/**
 * Reads a Spring MVC application's controllers from source with JavaParser and its symbol solver.
 * {@link io.rest2grpc.maven.controllers.ControllerReader} is the entry point; the model it returns is in
 * {@link io.rest2grpc.maven.controllers.model}. Everything else here is package-private.
 */
package io.rest2grpc.maven.controllers;
