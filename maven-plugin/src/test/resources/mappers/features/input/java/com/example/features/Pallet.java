package com.example.features;

import java.util.List;
import java.util.Map;

public record Pallet(List<List<String>> layers, Map<String, List<Parcel>> parcelsByBay) {}
