package io.rest2grpc.sample.error;

/** One invalid field in a 400 or 422 problem: the JSON path of the field and what is wrong with it. */
public record FieldViolation(String field, String message) {}
