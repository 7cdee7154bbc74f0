package io.rest2grpc.openapi.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestMessage;
import io.rest2grpc.options.v1.RestService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamesTest {
  private static final SourceLocation AT = SourceLocation.of("openapi.yaml");

  @Test
  void aTypeRenameReachesEveryReferenceAndTheEnumValues() {
    ProtoFile renamed = Renames.ofTypes(Map.of("PetV2", "Pet", "PetKindV2", "PetKind")).apply(List.of(file())).get(0);

    assertThat(renamed.messages()).extracting(ProtoMessage::name).containsExactly("Pet", "GetPetRequest");
    assertThat(renamed.messages().get(0).fields()).extracting(f -> f.type().name()).containsExactly("string", "PetKind");
    assertThat(renamed.enums().get(0).name()).isEqualTo("PetKind");
    assertThat(renamed.enums().get(0).values()).extracting(ProtoEnum.Value::name)
        .containsExactly("PET_KIND_UNSPECIFIED", "PET_KIND_CAT");
    ProtoRpc rpc = renamed.services().get(0).rpcs().get(0);
    assertThat(rpc.requestType()).isEqualTo("GetPetRequest");
    assertThat(rpc.responseType()).isEqualTo(TypeRef.local("Pet"));
  }

  @Test
  void aFieldRenameKeepsTheRestNameAndRetargetsTheHttpRule() {
    Renames renames = Renames.ofFields(Map.of("GetPetRequest", Map.of("pet_id", "id", "pet", "pet_v2"), "PetV2", Map.of("kind", "sort")));
    ProtoFile renamed = renames.apply(List.of(file())).get(0);

    ProtoField id = renamed.messages().get(1).fields().get(0);
    assertThat(id.name()).isEqualTo("id");
    assertThat(id.restName()).isEqualTo("petId");
    assertThat(renamed.services().get(0).rpcs().get(0).http())
        .isEqualTo(new HttpRule("get", "/pets/{id}/{id=owners/*}", "pet_v2", "sort"));
  }

  private static ProtoFile file() {
    ProtoMessage pet = message("PetV2", field("name", TypeRef.STRING), field("kind", TypeRef.local("PetKindV2")));
    ProtoMessage request = message("GetPetRequest", field("pet_id", TypeRef.STRING), field("pet", TypeRef.local("PetV2")));
    ProtoEnum kind = new ProtoEnum("PetKindV2", null, List.of(new ProtoEnum.Value("PET_KIND_V2_UNSPECIFIED", 0, null),
        new ProtoEnum.Value("PET_KIND_V2_CAT", 1, new JsonValue("cat"))), false, AT, Reserved.NONE, RestEnum.getDefaultInstance());
    ProtoRpc rpc = new ProtoRpc("GetPet", null, "GetPetRequest", TypeRef.local("PetV2"),
        new HttpRule("get", "/pets/{pet_id}/{pet_id=owners/*}", "pet", "kind"), false, false, false, null, AT, RpcOptions.NONE);
    ProtoService service = new ProtoService("PetService", null, List.of(rpc), RestService.getDefaultInstance());
    return new ProtoFile("pets/v1/pet_service.proto", "pets.v1", null, List.of(), List.of(service), List.of(pet, request), List.of(kind));
  }

  private static ProtoMessage message(String name, ProtoField... fields) {
    return new ProtoMessage(name, null, List.of(fields), false, AT, Reserved.NONE, RestMessage.getDefaultInstance(), Map.of());
  }

  private static ProtoField field(String name, TypeRef type) {
    return new ProtoField(name, 1, type, ProtoField.Cardinality.SINGULAR, null, null, List.of(), false, null, AT, FieldOptions.NONE);
  }
}
