package io.rest2grpc.openapi.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One written spec per rule of {@link PackageNames}. */
class PackageNamesTest {

  private static OpenAPI spec(String title, String version, String server, String... paths) {
    OpenAPI model = new OpenAPI().info(new Info().title(title).version(version));
    if (server != null) {
      model.servers(List.of(new Server().url(server)));
    }
    Paths p = new Paths();
    for (String path : paths) {
      p.addPathItem(path, new PathItem());
    }
    return model.paths(p);
  }

  @Test
  void theOrganisationIsTheRegistrableDomainOfTheServer() {
    assertThat(PackageNames.derive(spec("Acme Orders API", "1.0.0", "https://api.acme.com/v2"))).isEqualTo("acme.v2");
    assertThat(PackageNames.derive(spec("Stripe API", "2023-08-16", "https://api.stripe.com/", "/v1/charges", "/v1/customers")))
        .isEqualTo("stripe.v1");
    assertThat(PackageNames.derive(spec("Discord HTTP API (Preview)", "10", "https://discord.com/api/v10"))).isEqualTo("discord.v10");
    assertThat(PackageNames.derive(spec("Shop", "1.0", "https://shop.co.uk/api/2"))).isEqualTo("shop.v2");
  }

  @Test
  void infoVersionNeverMovesThePackage() {
    assertThat(PackageNames.derive(spec("OpenAI API", "2.3.0", "https://api.openai.com/v1")))
        .isEqualTo(PackageNames.derive(spec("OpenAI API", "3.0.0", "https://api.openai.com/v1")))
        .isEqualTo("openai.v1");
    assertThat(PackageNames.derive(spec("Docker Engine API", "1.52", "/v1.52")))
        .isEqualTo(PackageNames.derive(spec("Docker Engine API", "1.53", "/v1.53")))
        .isEqualTo("docker_engine.v1");
  }

  @Test
  void aSubdomainOrPathSegmentTheTitleNamesIsTheProduct() {
    assertThat(PackageNames.derive(spec("Twilio - Messaging", "1.0.0", "https://messaging.twilio.com", "/v1/Services")))
        .isEqualTo("twilio.messaging.v1");
    assertThat(PackageNames.derive(spec("Twilio - Api", "1.0.0", "https://api.twilio.com"))).isEqualTo("twilio.v1");
    assertThat(PackageNames.derive(spec("BRP API Personen", "2.7.0", "https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp")))
        .isEqualTo("haalcentraal.brp.v1");
    assertThat(PackageNames.derive(spec("Swagger Petstore", "1.0.0", "https://petstore.swagger.io/v2"))).isEqualTo("swagger.petstore.v2");
  }

  @Test
  void aTitleWordTheDomainEndsWithIsTheOrganisation() {
    assertThat(PackageNames.derive(spec("Lago API documentation", "1.51.0", "https://api.getlago.com/api/v1"))).isEqualTo("lago.v1");
  }

  @Test
  void templatedLabelsAreNotIdentity() {
    OpenAPI sentry = spec("API Reference", "v0", "https://{region}.sentry.io", "/api/0/projects/", "/api/0/teams/");
    sentry.getServers().get(0).variables(new ServerVariables());
    sentry.getServers().get(0).getVariables().addServerVariable("region", new ServerVariable()._default("us"));
    assertThat(PackageNames.derive(sentry)).isEqualTo("sentry.v1");
    OpenAPI mastodon = spec("Mastodon API", "4.7.0", "https://{hostname}", "/api/v1/accounts", "/api/v1/statuses", "/api/v2/search");
    assertThat(PackageNames.derive(mastodon)).isEqualTo("mastodon.v1");
  }

  @Test
  void withoutAnIdentifyingHostTheTitleNamesTheApi() {
    assertThat(PackageNames.derive(spec("Sample Legacy Orders API", "1.4.2", "http://127.0.0.1:8080"))).isEqualTo("sample_legacy_orders.v1");
    assertThat(PackageNames.derive(spec("Orders", "1", "http://localhost:8080/api/v3"))).isEqualTo("orders.v3");
    assertThat(PackageNames.derive(spec("Orders", "1", "/api/v3"))).isEqualTo("orders.v3");
    assertThat(PackageNames.derive(spec("Museum API", "1", "https://api.fake-museum-example.com/v1.1"))).isEqualTo("museum.v1");
    assertThat(PackageNames.derive(spec("Museum API", "1", "https://redocly.com/_mock/docs/openapi/museum-api"))).isEqualTo("museum.v1");
    assertThat(PackageNames.derive(spec("Ory Identities API", "", null))).isEqualTo("ory_identities.v1");
  }

  @Test
  void theTitleNeverLeavesDebris() {
    assertThat(PackageNames.derive(spec("Bob's Burgers' API", "1.0", null))).isEqualTo("bobs_burgers.v1");
    assertThat(PackageNames.derive(spec("Widgets (beta) API", "1.0", null))).isEqualTo("widgets.v1");
    assertThat(PackageNames.derive(spec("3D Printing", "1.0", null))).isEqualTo("api_3d_printing.v1");
  }

  @Test
  void theVersionComesFromTheBasePathElseFromMostPaths() {
    assertThat(PackageNames.derive(spec("A", "9", "https://api.acme.com/api/v1beta2"))).isEqualTo("acme.v1beta2");
    assertThat(PackageNames.derive(spec("A", "9", "https://api.acme.com", "/v2/droplets", "/v2/images", "/v1/oauth")))
        .isEqualTo("acme.v2");
    assertThat(PackageNames.derive(spec("A", "9", "https://api.acme.com", "/v2/droplets", "/v1/oauth"))).isEqualTo("acme.v1");
    assertThat(PackageNames.derive(spec("Box Platform API", "2024.0", "https://api.box.com/2.0"))).isEqualTo("box.v2");
    assertThat(PackageNames.derive(spec("Twilio - Api", "1.0.0", "https://api.twilio.com", "/2010-04-01/Accounts.json")))
        .isEqualTo("twilio.v1");
  }

  @Test
  void theRuleSaysWhereThePackageCameFrom() {
    assertThat(PackageNames.derived(spec("Acme", "1", "https://api.acme.com/v2")).rule()).isEqualTo("server host api.acme.com + base path");
    assertThat(PackageNames.derived(spec("Acme", "1", null)).rule()).isEqualTo("title");
  }
}
