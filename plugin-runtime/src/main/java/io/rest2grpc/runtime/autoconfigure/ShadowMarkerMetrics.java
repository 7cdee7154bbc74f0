package io.rest2grpc.runtime.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rest2grpc.runtime.shadow.ShadowMarkers;
import io.rest2grpc.transcoding.shadow.ShadowVerifier;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The shadow markers the gRPC side rejected, by reason, as {@code rest2grpc.shadow.markers.rejected} in the app's
 * metrics (Prometheus: {@code rest2grpc_shadow_markers_rejected_total}). A call whose marker fails (an unknown key, a
 * bad signature, outside the window, replayed) is served as an ordinary call; this is where it shows.
 */
@AutoConfiguration(after = Rest2GrpcAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ShadowMarkers.class)
public class ShadowMarkerMetrics {

  @Bean
  MeterBinder rest2grpcShadowMarkersRejected(ShadowMarkers markers) {
    return registry -> {
      for (ShadowVerifier.Rejection reason : ShadowVerifier.Rejection.values()) {
        FunctionCounter.builder("rest2grpc.shadow.markers.rejected", markers.verifier(), verifier -> verifier.rejected(reason))
            .tag("reason", reason.name().toLowerCase(Locale.ROOT))
            .description("shadow markers rejected; those calls were served as ordinary calls")
            .register(registry);
      }
    };
  }
}
