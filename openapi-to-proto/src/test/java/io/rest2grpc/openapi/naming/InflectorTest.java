package io.rest2grpc.openapi.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inflector on ordinary English nouns, none taken from a spec of the corpus: regular plurals,
 * {@code -ies}, {@code -ses}/{@code -xes}/{@code -ches}/{@code -shes}, irregular and invariant nouns,
 * and nouns that end in s while singular.
 */
class InflectorTest {
  private static final Map<String, String> SINGULAR_PLURAL = new LinkedHashMap<>();

  static {
    String pairs = """
        apple apples, table tables, garden gardens, ticket tickets, photo photos, radio radios,
        city cities, berry berries, lady ladies, story stories, day days, key keys, toy toys, journey journeys,
        class classes, glass glasses, dress dresses, box boxes, fox foxes, tax taxes, church churches,
        bench benches, brush brushes, dish dishes, wish wishes, buzz buzzes,
        bus buses, status statuses, campus campuses, virus viruses, census censuses,
        person people, child children, man men, woman women, mouse mice, tooth teeth, foot feet, goose geese,
        index indices, matrix matrices, vertex vertices, analysis analyses, crisis crises, thesis theses,
        criterion criteria, phenomenon phenomena, leaf leaves, shelf shelves, knife knives, wife wives,
        hero heroes, potato potatoes, echo echoes, quiz quizzes,
        movie movies, cookie cookies, tie ties, calorie calories, cache caches, niche niches,
        cause causes, house houses, pause pauses, database databases, phase phases, purchase purchases,
        alias aliases, canvas canvases, gas gases, lens lenses,
        series series, species species, news news, sheep sheep, deer deer, aircraft aircraft
        """;
    for (String pair : pairs.split(",")) {
      String[] words = pair.strip().split(" ");
      SINGULAR_PLURAL.put(words[0], words[1]);
    }
  }

  @Test
  void singularOfEveryPlural() {
    SINGULAR_PLURAL.forEach((singular, plural) -> assertThat(Inflector.singular(plural)).as(plural).isEqualTo(singular));
  }

  @Test
  void pluralOfEverySingular() {
    SINGULAR_PLURAL.forEach((singular, plural) -> assertThat(Inflector.plural(singular)).as(singular).isEqualTo(plural));
  }

  @Test
  void singularNounsStaySingular() {
    for (String singular : SINGULAR_PLURAL.keySet()) {
      if (!SINGULAR_PLURAL.get(singular).equals(singular)) {
        assertThat(Inflector.singular(singular)).as(singular).isEqualTo(singular);
        assertThat(Inflector.isPlural(singular)).as(singular).isFalse();
      }
    }
  }

  @Test
  void onlyTheLastWordChangesAndItsCaseIsKept() {
    assertThat(Inflector.singular("LineItems")).isEqualTo("LineItem");
    assertThat(Inflector.singular("sales-people")).isEqualTo("sales-person");
    assertThat(Inflector.singular("PolicyIndices")).isEqualTo("PolicyIndex");
    assertThat(Inflector.plural("WorkItemCategory")).isEqualTo("WorkItemCategories");
    assertThat(Inflector.plural("Child")).isEqualTo("Children");
    assertThat(Inflector.isPlural("news")).isTrue();
    assertThat(Inflector.isPlural("tickets")).isTrue();
    assertThat(Inflector.isPlural("info")).isFalse();
  }
}
