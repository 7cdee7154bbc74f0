/** Writing planned mappers as JavaPoet classes: one per DTO class, enum, union or nested collection. */
package io.rest2grpc.maven.mappers.write;
