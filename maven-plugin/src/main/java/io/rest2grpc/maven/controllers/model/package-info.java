/**
 * What {@link io.rest2grpc.maven.controllers.ControllerReader} found in a Spring MVC application: its
 * controllers, their handler methods and exception advice, and the problems that kept parts of it from
 * being read. Every type is an immutable record; lists are sorted by file, then line.
 */
package io.rest2grpc.maven.controllers.model;
