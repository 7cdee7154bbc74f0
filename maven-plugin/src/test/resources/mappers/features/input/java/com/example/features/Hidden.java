package com.example.features;

record Hidden(String email, boolean verified) {}
