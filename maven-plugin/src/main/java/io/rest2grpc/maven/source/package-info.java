/**
 * Reading the application's Java sources: the JavaParser symbol solver over the source roots, the JDK and the
 * compile classpath, shared by the controller reader and the DTO reader of the typed mappers.
 */
package io.rest2grpc.maven.source;
