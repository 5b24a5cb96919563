package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Signed payloads hold integers of at most 2<sup>53</sup> in magnitude: exactly 2<sup>53</sup> is
 * accepted however the tree holds it (a long or a big integer), one more is refused, and the
 * refusal names the first number that is wrong, not one at the limit.
 */
class IntegerPayloadRulesTest {
  static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(53);

  @Test
  void twoToThe53IsAcceptedAsABigIntegerToo() {
    ObjectNode payload = StrictJson.mapper().createObjectNode();
    payload.put("max", LIMIT);
    payload.put("min", LIMIT.negate());

    assertThat(
            new String(
                CanonicalObject.ofSignedPayload(payload).canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"max\":9007199254740992,\"min\":-9007199254740992}");
    JsonCanonicalizer.requireIntegersOnly(payload);
  }

  @Test
  void oneMoreIsRefused() {
    ObjectNode payload = StrictJson.mapper().createObjectNode();
    payload.put("over", LIMIT.add(BigInteger.ONE));

    assertThatThrownBy(() -> CanonicalObject.ofSignedPayload(payload))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("/over");
  }

  @Test
  void theRefusalNamesTheNumberThatIsWrongNotOneAtTheLimit() {
    ObjectNode payload =
        (ObjectNode)
            StrictJson.parse(
                "{\"atLimit\":9007199254740992,\"list\":[-9007199254740992,2.5],\"late\":1.5}");

    assertThatThrownBy(() -> JsonCanonicalizer.requireIntegersOnly(payload))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageEndingWith("found a non-integer number at /list/1");

    ObjectNode big = StrictJson.mapper().createObjectNode();
    big.put("atLimit", LIMIT);
    big.put("over", LIMIT.add(BigInteger.ONE));
    assertThatThrownBy(() -> JsonCanonicalizer.requireIntegersOnly(big))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageEndingWith(" at /over");
  }

  @Test
  void longsJustBeyondTheLimitAreRefusedOnEitherSide() {
    assertThatThrownBy(
            () ->
                JsonCanonicalizer.requireIntegersOnly(StrictJson.parse("{\"n\":9007199254740993}")))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageEndingWith(" at /n");
    assertThatThrownBy(
            () ->
                JsonCanonicalizer.requireIntegersOnly(
                    StrictJson.parse("{\"n\":-9007199254740993}")))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageEndingWith(" at /n");
    JsonCanonicalizer.requireIntegersOnly(
        StrictJson.parse("{\"n\":[9007199254740992,-9007199254740992,0]}"));
  }

  @Test
  void aDecimalNodeIsWrittenAsTheDoubleItRoundsTo() {
    ObjectNode tree = StrictJson.mapper().createObjectNode();
    tree.put("a", new BigDecimal("1.50"));
    tree.put("b", new BigDecimal("0.1000000000000000055511151231257827"));
    tree.put("c", new BigDecimal("1E+21"));

    assertThat(JsonCanonicalizer.canonicalize(tree)).isEqualTo("{\"a\":1.5,\"b\":0.1,\"c\":1e+21}");
  }
}
