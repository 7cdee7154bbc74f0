/**
 * REST-level breaking-change detection for {@code check --against}: {@link
 * io.rest2grpc.openapi.check.rest.RestDiff} compares two versions of a spec document into {@link
 * io.rest2grpc.openapi.check.rest.RestChange}s, each with JSON pointers into both documents.
 */
package io.rest2grpc.openapi.check.rest;
