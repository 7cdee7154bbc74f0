package io.rest2grpc.sample.user;

import jakarta.persistence.Embeddable;

/** A postal address nested in a user; the whole object is {@code null} when the user has none. */
@Embeddable
public record Address(String street, String city, String postalCode, String country) {}
