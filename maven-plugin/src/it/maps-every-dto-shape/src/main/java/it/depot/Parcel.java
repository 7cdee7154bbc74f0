package it.depot;

import java.util.List;

public record Parcel(String label, int weightGrams, List<String> tags) {}
