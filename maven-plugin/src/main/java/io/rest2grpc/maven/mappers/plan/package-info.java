/**
 * Planning typed mappers: which proto field each DTO property maps to, how each value converts, and why a pair
 * cannot be mapped ({@link io.rest2grpc.maven.mappers.plan.Reason}).
 */
package io.rest2grpc.maven.mappers.plan;
