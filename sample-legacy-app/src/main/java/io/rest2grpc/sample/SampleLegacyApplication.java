package io.rest2grpc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A legacy-style REST service for orders, users and payments: the migration target of rest2grpc. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleLegacyApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleLegacyApplication.class, args);
  }
}
