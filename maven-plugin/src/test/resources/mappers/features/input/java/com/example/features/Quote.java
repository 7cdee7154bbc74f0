package com.example.features;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

public record Quote(Optional<String> comment, BigDecimal amount, UUID reference, BigInteger big, Optional<Contact> contact) {}
