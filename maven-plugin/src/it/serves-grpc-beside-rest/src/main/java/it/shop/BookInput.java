package it.shop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record BookInput(@NotBlank String title, @NotNull Genre genre, @NotBlank String isbn) {}
