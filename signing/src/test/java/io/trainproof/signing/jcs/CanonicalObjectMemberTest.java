package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link CanonicalObject#textWithMember} refuses a name the object has, whichever it is. */
class CanonicalObjectMemberTest {

  private static CanonicalObject object() {
    ObjectNode object = StrictJson.mapper().createObjectNode();
    object.put("m", 2);
    object.put("a", 1);
    object.put("z", 3);
    return CanonicalObject.of(object);
  }

  @Test
  void eachExistingNameIsRefusedIncludingTheFirstInCanonicalOrder() {
    CanonicalObject canonical = object();
    for (String name : new String[] {"a", "m", "z"}) {
      assertThatThrownBy(() -> canonical.textWithMember(name, StrictJson.parse("1")))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
  }

  @Test
  void aNewNameIsAddedAfterTheObjectsOwnMembersInTheirOrder() {
    CanonicalObject canonical = object();
    assertThat(canonical.canonicalBytes())
        .isEqualTo("{\"a\":1,\"m\":2,\"z\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(canonical.textWithMember("b", StrictJson.parse("[1]")))
        .isEqualTo("{\"m\":2,\"a\":1,\"z\":3,\"b\":[1]}");
    assertThat(canonical.textWithMember("0", StrictJson.parse("{}")))
        .isEqualTo("{\"m\":2,\"a\":1,\"z\":3,\"0\":{}}");
  }

  @Test
  void anEmptyObjectGetsTheMemberWithoutAComma() {
    CanonicalObject canonical = CanonicalObject.of(StrictJson.mapper().createObjectNode());
    assertThat(canonical.textWithMember("p", StrictJson.parse("true"))).isEqualTo("{\"p\":true}");
  }
}
