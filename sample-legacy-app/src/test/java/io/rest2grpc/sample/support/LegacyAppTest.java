package io.rest2grpc.sample.support;

import io.rest2grpc.sample.SampleLegacyApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one test configuration of this module: the real app on a random loopback port, with its H2
 * database. Every test class uses exactly this, so Spring starts a single context for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SampleLegacyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface LegacyAppTest {}
